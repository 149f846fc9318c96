package io.aimsledger.eventstore.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.eventstore.trace.TraceContexts;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * Reads CloudEvents from Kafka, one record at a time per partition, and hands each to a
 * {@link RecordHandler} (or a whole poll to a {@link BatchHandler}, when there is one); commits
 * offsets only for records whose handler's transaction committed.
 * <p>
 * Delivery is at least once; the handler makes it effectively once with its {@link Inbox}. A record
 * that is not a CloudEvent, or that the handler declares a {@link PoisonRecord}, goes to the
 * dead-letter topic and the partition moves on. Any other failure may pass (a database restarting):
 * the record is retried, with growing pauses, and nothing after it in its partition is applied
 * first, so a stream's events are never applied out of order.
 */
public final class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    /** The dead-letter code of a record that failed {@link #MAX_ATTEMPTS} times for a reason that will not pass. */
    public static final String FAILED = "consumer.failed";
    static final int MAX_ATTEMPTS = 3;

    private final ConsumerSettings settings;
    private final RecordHandler handler;
    private final BatchHandler batchHandler;
    private final Tracer tracer;
    private volatile boolean running;
    private Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Map<TopicPartition, Long> lag = Map.of();
    private final AtomicLong failed = new AtomicLong();

    /** @param telemetry the service's OpenTelemetry, so that applying a record joins the trace that wrote it */
    public EventConsumer(ConsumerSettings settings, RecordHandler handler, OpenTelemetry telemetry) {
        this(settings, handler, null, telemetry);
    }

    /**
     * @param batchHandler applies all records of a poll in one transaction, which spares a commit per
     *                     record; {@code handler} still applies them one by one when a batch fails
     */
    public EventConsumer(ConsumerSettings settings, RecordHandler handler, BatchHandler batchHandler,
                         OpenTelemetry telemetry) {
        this.settings = settings;
        this.handler = handler;
        this.batchHandler = batchHandler;
        this.tracer = telemetry.getTracer("io.aimsledger.eventstore");
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("aims-consumer-" + settings.group()).daemon().start(this::run);
    }

    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void run() {
        while (running) {
            try (var kafka = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                    new ByteArrayDeserializer());
                 var deadLetters = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                         new ByteArraySerializer())) {
                consumer = kafka;
                if (settings.topicPattern() != null) {
                    kafka.subscribe(settings.topicPattern());
                } else {
                    kafka.subscribe(settings.topics());
                }
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    if (records.count() > 1 && batchHandler != null && applyBatch(records, deadLetters)) {
                        kafka.commitSync(nextOffsets(records));
                        lag = currentLag(kafka);
                        continue;
                    }
                    Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
                    try {
                        for (TopicPartition partition : records.partitions()) {
                            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                                if (!running) {
                                    return;
                                }
                                apply(kafka, record, deadLetters);
                                applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
                            }
                        }
                    } finally {
                        // What was applied is committed even when stopping halfway; the rest comes again.
                        if (!applied.isEmpty()) {
                            kafka.commitSync(applied);
                        }
                    }
                    lag = currentLag(kafka);
                }
            } catch (WakeupException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf(e, "Consumer %s failed; starting again", settings.group());
                    sleep(settings.retryBackoff());
                }
            } finally {
                consumer = null;
                lag = Map.of();
            }
        }
    }

    /**
     * Applies the whole poll with the batch handler; false (and nothing applied) when it failed, so that
     * the records are applied one by one. Records that are not CloudEvents are left to that path.
     */
    private boolean applyBatch(ConsumerRecords<String, byte[]> records, KafkaProducer<String, byte[]> deadLetters) {
        List<BatchHandler.Delivery> deliveries = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    deliveries.add(new BatchHandler.Delivery(record, CloudEventCodec.fromJson(record.value())));
                } catch (RuntimeException notACloudEvent) {
                    return false;
                }
            }
        }
        List<Span> spans = deliveries.stream().map(d -> TraceContexts.consumerSpan(tracer, d.record())).toList();
        try {
            batchHandler.handleAll(deliveries).await().atMost(settings.handlerTimeout());
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("Consumer %s applies a batch of %d one by one (%s)", settings.group(), deliveries.size(),
                    e.getMessage());
            return false;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            next.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return next;
    }

    private void apply(KafkaConsumer<String, byte[]> kafka, ConsumerRecord<String, byte[]> record,
                       KafkaProducer<String, byte[]> deadLetters) throws InterruptedException {
        CloudEvent event;
        try {
            event = CloudEventCodec.fromJson(record.value());
        } catch (RuntimeException e) {
            deadLetter(deadLetters, record, "cloudevent.invalid", "not a structured CloudEvent: " + e.getMessage());
            return;
        }
        Duration backoff = settings.retryBackoff();
        int failures = 0;
        while (running) {
            Span span = TraceContexts.consumerSpan(tracer, record);
            try (Scope ignored = span.makeCurrent()) {
                handler.handle(record, event).await().atMost(settings.handlerTimeout());
                return;
            } catch (PoisonRecord poison) {
                deadLetter(deadLetters, record, poison.code(), poison.getMessage());
                return;
            } catch (RuntimeException e) {
                // A failure that will not pass by itself is tried a few times, then set aside, so that the
                // partition moves on; one that may pass (the database away) is retried until it applies.
                if (!TransientFailures.isTransient(e) && ++failures >= MAX_ATTEMPTS) {
                    failed.incrementAndGet();
                    deadLetter(deadLetters, record, FAILED, "not applied after " + failures + " attempts: " + e);
                    return;
                }
                LOG.warnf("Consumer %s could not apply %s (%s); retrying in %s", settings.group(), event.getId(),
                        e.getMessage(), backoff);
                waitPolling(kafka, backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                span.end();
            }
        }
        throw new InterruptedException("stopped while retrying");
    }

    private void deadLetter(KafkaProducer<String, byte[]> producer, ConsumerRecord<String, byte[]> record,
                            String code, String reason) {
        LOG.warnf("Consumer %s sends %s-%d@%d to %s: %s", settings.group(), record.topic(), record.partition(),
                record.offset(), settings.deadLetterTopic(), reason);
        try {
            DeadLetters.send(producer, settings.deadLetterTopic(), record, code, reason);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to the dead-letter topic", e);
        }
    }

    /** How many records were set aside (dead-lettered) after failing for a reason that does not pass. */
    public long failedRecords() {
        return failed.get();
    }

    /**
     * Per assigned partition, how many records wait behind what this consumer has applied, as of its
     * last poll; empty before the group assigned it partitions.
     */
    public Map<TopicPartition, Long> lag() {
        return lag;
    }

    private static Map<TopicPartition, Long> currentLag(KafkaConsumer<String, byte[]> kafka) {
        Map<TopicPartition, Long> byPartition = new HashMap<>();
        for (TopicPartition partition : kafka.assignment()) {
            kafka.currentLag(partition).ifPresent(value -> byPartition.put(partition, value));
        }
        return Map.copyOf(byPartition);
    }

    /** Waits while still polling (nothing is returned from paused partitions), so the group keeps this member. */
    private static void waitPolling(KafkaConsumer<String, byte[]> kafka, Duration duration) {
        kafka.pause(kafka.assignment());
        try {
            kafka.poll(duration);
        } finally {
            kafka.resume(kafka.paused());
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    private Properties consumerProperties() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        // A pattern subscription notices a new domain's topic within seconds, not the default five minutes.
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        if (batchHandler != null) {
            // Under a steady stream a poll would return each record alone; waiting up to 20 ms for more
            // lets one transaction apply them together, which is what keeps a batch consumer ahead.
            properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
            properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        }
        return properties;
    }

    private Properties producerProperties() {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, settings.group() + "-dead-letters");
        return properties;
    }
}
