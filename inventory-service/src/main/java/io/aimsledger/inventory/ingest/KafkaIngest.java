package io.aimsledger.inventory.ingest;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.inbox.PoisonRecord;
import io.aimsledger.support.json.JsonBodies;
import io.aimsledger.support.problem.InvalidRequest;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The same inbound types over Kafka: {@code aims.inventory.ingest.v1}, read by SmallRye Reactive
 * Messaging's Kafka connector (channel {@value #CHANNEL}); what cannot be applied goes to
 * {@code aims.inventory.ingest.dlq.v1} with {@code dlq-code} and {@code dlq-reason}. Each record is
 * applied in its own transaction, idempotently per ({@code source}, {@code id}) as over HTTP.
 */
@ApplicationScoped
public class KafkaIngest {

    public static final String CHANNEL = "inventory-ingest";
    public static final String TOPIC = "aims.inventory.ingest.v1";
    public static final String DEAD_LETTERS = "aims.inventory.ingest.dlq.v1";
    static final String GROUP = "inventory-ingest";

    private final IngestService ingest;
    private final BatchConsumer consumer;

    public KafkaIngest(IngestService ingest, DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        this.ingest = ingest;
        this.consumer = new BatchConsumer(GROUP, this::apply, null, deadLetters,
                telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop(), Duration.ofMillis(500));
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }

    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        try {
            JsonBodies.check(record.value());
        } catch (InvalidRequest e) {
            throw new PoisonRecord(IngestCodes.INVALID_CLOUDEVENT, e.problem().detail() + " " + e.violations());
        }
        InboundEvent inbound = InboundEvent.of(event);
        // No token on Kafka: the integration is known by the source it names.
        return ingest.apply(inbound, "integration:" + inbound.source()).map(result -> {
            if (result.status() == IngestResult.Status.REJECTED) {
                throw new PoisonRecord(result.code(), result.detail());
            }
            return null;
        });
    }
}
