package io.aimsledger.eventstore.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.eventstore.trace.TraceContexts;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Applies the records of one poll, as SmallRye's Kafka connector hands them over in batch mode, with
 * what is ours: a {@link BatchHandler} for the whole poll in one transaction (when there is one), else,
 * or when that fails, the {@link RecordHandler} record by record, in partition order. A record that
 * cannot be applied is nacked alone, so that the channel's {@code dead-letter-queue} failure strategy
 * sends it to the dead-letter topic with {@value DeadLetters#CODE} and {@value DeadLetters#REASON}
 * headers, and the partition moves on: one that is not a CloudEvent or that the handler declares a
 * {@link PoisonRecord} at once; one that fails for a reason that will not pass after
 * {@value #MAX_ATTEMPTS} attempts. A failure that may pass (the database restarting) is retried, with
 * growing pauses, until it applies; nothing after it in its partition is applied first. The poll is
 * acknowledged (its offsets committed by the connector) once every record is applied or set aside.
 */
public final class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    /** The dead-letter code of a record that failed {@value #MAX_ATTEMPTS} times for a reason that will not pass. */
    public static final String FAILED = "consumer.failed";
    public static final String NOT_A_CLOUDEVENT = "cloudevent.invalid";
    static final int MAX_ATTEMPTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final String name;
    private final RecordHandler handler;
    private final BatchHandler batchHandler;
    private final DeadLetterLog deadLetters;
    private final Tracer tracer;
    private final Duration retryBackoff;

    /**
     * @param name         the consumer as health and metrics name it (its group)
     * @param batchHandler applies all records of a poll in one transaction; null to apply them one by one
     */
    public BatchConsumer(String name, RecordHandler handler, BatchHandler batchHandler, DeadLetterLog deadLetters,
                         OpenTelemetry telemetry, Duration retryBackoff) {
        this.name = name;
        this.handler = handler;
        this.batchHandler = batchHandler;
        this.deadLetters = deadLetters;
        this.tracer = telemetry.getTracer("io.aimsledger.eventstore");
        this.retryBackoff = retryBackoff;
    }

    /** A consumer that applies records one by one, traced when the service has OpenTelemetry. */
    public static BatchConsumer recordByRecord(String name, RecordHandler handler, DeadLetterLog deadLetters,
                                               Instance<OpenTelemetry> telemetry) {
        return new BatchConsumer(name, handler, null, deadLetters,
                telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop(), Duration.ofMillis(500));
    }

    /** A consumer that applies each poll in one transaction, else record by record; traced when the service has OpenTelemetry. */
    public static BatchConsumer perPoll(String name, RecordHandler handler, BatchHandler batchHandler,
                                        DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        return new BatchConsumer(name, handler, batchHandler, deadLetters,
                telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop(), Duration.ofMillis(500));
    }

    public Uni<Void> apply(KafkaRecordBatch<String, byte[]> batch) {
        List<Received> received = new ArrayList<>();
        List<NotACloudEvent> notCloudEvents = new ArrayList<>();
        for (KafkaRecord<String, byte[]> message : batch.getRecords()) {
            ConsumerRecord<String, byte[]> record = consumerRecord(message);
            try {
                received.add(new Received(message, new BatchHandler.Delivery(record, CloudEventCodec.fromJson(record.value()))));
            } catch (RuntimeException e) {
                notCloudEvents.add(new NotACloudEvent(message, "not a structured CloudEvent: " + e.getMessage()));
            }
        }
        return inOrder(notCloudEvents, bad -> deadLetter(bad.message(), NOT_A_CLOUDEVENT, bad.reason()))
                .flatMap(ignored -> applyAsOne(received))
                .flatMap(applied -> applied ? Uni.createFrom().voidItem()
                        : inOrder(received, r -> applyAlone(r, 1, retryBackoff)))
                .flatMap(ignored -> Uni.createFrom().completionStage(batch::ack));
    }

    private record Received(KafkaRecord<String, byte[]> message, BatchHandler.Delivery delivery) {
    }

    private record NotACloudEvent(KafkaRecord<String, byte[]> message, String reason) {
    }

    /** True when the batch handler applied them all; false (nothing applied) when there is none or it failed. */
    private Uni<Boolean> applyAsOne(List<Received> received) {
        if (batchHandler == null || received.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Uni.createFrom().deferred(() -> batchHandler.handleAll(received.stream().map(Received::delivery).toList()))
                .replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Consumer %s applies a poll of %d one by one (%s)", name, received.size(), failure.getMessage());
                    return false;
                });
    }

    private Uni<Void> applyAlone(Received received, int attempt, Duration backoff) {
        ConsumerRecord<String, byte[]> record = received.delivery().record();
        Span span = TraceContexts.consumerSpan(tracer, record);
        Uni<Void> applied = Uni.createFrom().deferred(() -> {
            // The handler builds its work (and reads the trace context for what it appends) in the record's span.
            try (Scope ignored = span.makeCurrent()) {
                return handler.handle(record, received.delivery().event());
            }
        });
        return applied.onTermination().invoke(span::end).onFailure().recoverWithUni(failure -> {
            if (failure instanceof PoisonRecord poison) {
                return deadLetter(received.message(), poison.code(), poison.getMessage());
            }
            boolean passes = TransientFailures.isTransient(failure);
            if (!passes && attempt >= MAX_ATTEMPTS) {
                return deadLetter(received.message(), FAILED, "not applied after " + attempt + " attempts: " + failure);
            }
            LOG.warnf("Consumer %s could not apply %s (%s); retrying in %s", name, received.delivery().event().getId(),
                    failure.getMessage(), backoff);
            Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            return Uni.createFrom().voidItem().onItem().delayIt().by(backoff)
                    .flatMap(ignored -> applyAlone(received, passes ? attempt : attempt + 1, next));
        });
    }

    /** Nacks the record alone: the channel's dead-letter strategy sends it on with the code and reason as headers. */
    private Uni<Void> deadLetter(KafkaRecord<String, byte[]> message, String code, String reason) {
        LOG.warnf("Consumer %s sets %s-%d@%d aside as %s: %s", name, message.getTopic(), message.getPartition(),
                consumerRecord(message).offset(), code, reason);
        deadLetters.record(name, code);
        var headers = new RecordHeaders();
        headers.add(DeadLetters.CODE, code.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.REASON, DeadLetters.truncated(reason).getBytes(StandardCharsets.UTF_8));
        var metadata = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build());
        // Should the dead-letter topic be out of reach, the record waits (and its partition with it) rather
        // than fail the poll, which would set aside the records already applied with it.
        return Uni.createFrom().completionStage(() -> message.nack(new PoisonRecord(code, reason), metadata))
                .onFailure().invoke(failure -> LOG.warnf("Consumer %s could not set a record aside (%s); retrying",
                        name, failure.getMessage()))
                .onFailure().retry().withBackOff(retryBackoff, MAX_BACKOFF).indefinitely();
    }

    /** The poll's records as Kafka delivered them. */
    public static List<ConsumerRecord<String, byte[]>> records(KafkaRecordBatch<String, byte[]> batch) {
        return batch.getRecords().stream().map(BatchConsumer::consumerRecord).toList();
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> consumerRecord(KafkaRecord<String, byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, byte[]>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("a Kafka record without its incoming metadata"));
    }

    /** Runs {@code step} for each item, one after the other. */
    private static <T> Uni<Void> inOrder(List<T> items, Function<T, Uni<Void>> step) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(step::apply)
                .collect().last().replaceWithVoid();
    }
}
