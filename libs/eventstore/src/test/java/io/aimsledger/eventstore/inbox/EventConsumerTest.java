package io.aimsledger.eventstore.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.eventstore.support.EventStoreDatabase;
import io.aimsledger.eventstore.support.SampleEvents;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.aimsledger.testkit.TestServers;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

class EventConsumerTest {

    private static final String CONSUMER = "consumer-test";

    private final String topic = "aims.test.consumer-" + UUID.randomUUID();
    private final String deadLetterTopic = topic + ".dlq";
    private final String group = "consumer-test-" + UUID.randomUUID();
    private final String bootstrap = TestServers.kafka().bootstrapServers();
    private final Inbox inbox = new Inbox();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger failuresToSimulate = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private volatile String broken = "";
    private EventStoreDatabase database;

    @BeforeEach
    void createDatabase() {
        database = EventStoreDatabase.create("consumer");
        database.execute("create table effect (event_id text primary key, applied_at timestamptz default now())");
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** Applies an event once: the effect and the inbox entry in one transaction. Unknown types are poison. */
    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        deliveries.incrementAndGet();
        if (Contracts.REGISTRY.contractOfType(event.getType()).isEmpty()) {
            throw new PoisonRecord("event.unknown-type", "no published contract has type " + event.getType());
        }
        if (event.getId().equals(broken)) {
            return Uni.createFrom().failure(new IllegalStateException("a bug that no retry will fix"));
        }
        if (failuresToSimulate.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Uni.createFrom().failure(new java.net.ConnectException("Connection refused: the database is restarting"));
        }
        return database.pool().withTransaction(c -> inbox.isProcessed(new ConnectionTransaction(c), CONSUMER, event.getId())
                .flatMap(done -> done ? Uni.createFrom().voidItem()
                        : c.preparedQuery("insert into effect (event_id) values ($1)")
                                .execute(Tuple.of(event.getId()))
                                .flatMap(ignored -> inbox.markProcessed(new ConnectionTransaction(c), CONSUMER, event.getId()))));
    }

    private EventConsumer consumer() {
        var settings = new ConsumerSettings(bootstrap, group, List.of(topic), null, deadLetterTopic, Duration.ofSeconds(10),
                Duration.ofMillis(100));
        return new EventConsumer(settings, this::apply, OpenTelemetry.noop());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsApplied() throws Exception {
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        send(event(first, SampleEvents.TYPE), "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8),
                event(UUID.randomUUID(), "io.aimsledger.unknown.something-happened.v1"), event(last, SampleEvents.TYPE));

        EventConsumer consumer = consumer();
        consumer.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> database.count("select count(*) from effect") == 2);
        } finally {
            consumer.stop();
        }

        assertThat(effects()).containsExactlyInAnyOrder(first.toString(), last.toString());
        List<ConsumerRecord<String, byte[]>> dead = readAll(deadLetterTopic, 2);
        assertThat(dead).extracting(r -> header(r, DeadLetters.CODE))
                .containsExactly("cloudevent.invalid", "event.unknown-type");
        assertThat(dead).extracting(r -> header(r, DeadLetters.ORIGINAL_OFFSET)).containsExactly("1", "2");
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(topic);
            assertThat(header(r, DeadLetters.REASON)).isNotBlank();
        });
        assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("this is not a CloudEvent");
    }

    @Test
    void aRecordThatKeepsFailingForAReasonThatDoesNotPassIsSetAsideAfterThreeAttempts() throws Exception {
        UUID stuck = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        broken = stuck.toString();
        send(event(stuck, SampleEvents.TYPE), event(next, SampleEvents.TYPE));

        EventConsumer consumer = consumer();
        consumer.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> database.count("select count(*) from effect") == 1);
        } finally {
            consumer.stop();
        }

        assertThat(effects()).containsExactly(next.toString());
        assertThat(consumer.failedRecords()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> dead = readAll(deadLetterTopic, 1);
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(header(r, DeadLetters.CODE)).isEqualTo(EventConsumer.FAILED);
            assertThat(header(r, DeadLetters.REASON)).contains("3 attempts").contains("a bug that no retry will fix");
        });
    }

    @Test
    void redeliveredRecordsAreAppliedOnce() throws Exception {
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event(UUID.randomUUID(), SampleEvents.TYPE));
        }
        send(events.toArray(byte[][]::new));
        send(events.get(0), events.get(1));

        EventConsumer consumer = consumer();
        consumer.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> committedOffset() == 7);
        consumer.stop();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)))
                    .all().get();
        }
        consumer = consumer();
        consumer.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> deliveries.get() == 14 && committedOffset() == 7);
        } finally {
            consumer.stop();
        }

        assertThat(database.count("select count(*) from effect")).isEqualTo(5);
        assertThat(database.count("select count(*) from inbox_processed")).isEqualTo(5);
    }

    @Test
    void aFailureThatMayPassIsRetriedWithoutSkippingOrReordering() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        failuresToSimulate.set(3);
        send(event(first, SampleEvents.TYPE), event(second, SampleEvents.TYPE));

        EventConsumer consumer = consumer();
        consumer.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> database.count("select count(*) from effect") == 2);
        } finally {
            consumer.stop();
        }

        assertThat(effects()).containsExactly(first.toString(), second.toString());
        assertThat(deliveries.get()).isEqualTo(5);
    }

    /** Applies a whole poll in one transaction; any unknown type fails the batch, as a poison record would. */
    private Uni<Void> applyAll(List<BatchHandler.Delivery> batch) {
        batches.incrementAndGet();
        return database.pool().withTransaction(c -> io.smallrye.mutiny.Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(d -> {
                    if (Contracts.REGISTRY.contractOfType(d.event().getType()).isEmpty()) {
                        return Uni.createFrom().failure(new PoisonRecord("event.unknown-type", "unknown"));
                    }
                    return c.preparedQuery("insert into effect (event_id) values ($1)").execute(Tuple.of(d.event().getId()));
                })
                .collect().last().replaceWithVoid());
    }

    private EventConsumer batchConsumer() {
        var settings = new ConsumerSettings(bootstrap, group, List.of(topic), null, deadLetterTopic, Duration.ofSeconds(10),
                Duration.ofMillis(100));
        return new EventConsumer(settings, this::apply, this::applyAll, OpenTelemetry.noop());
    }

    @Test
    void aPollIsAppliedAsOneBatchAndABatchThatFailsIsAppliedRecordByRecord() throws Exception {
        List<UUID> good = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        send(event(good.get(0), SampleEvents.TYPE), event(good.get(1), SampleEvents.TYPE));
        EventConsumer consumer = batchConsumer();
        consumer.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> committedOffset() == 2);
        } finally {
            consumer.stop();
        }
        assertThat(effects()).containsExactlyInAnyOrder(good.get(0).toString(), good.get(1).toString());
        assertThat(deliveries.get()).as("records applied one by one").isZero();
        assertThat(batches.get()).isEqualTo(1);

        send(event(UUID.randomUUID(), "io.aimsledger.unknown.something-happened.v1"),
                event(good.get(2), SampleEvents.TYPE));
        consumer = batchConsumer();
        consumer.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> committedOffset() == 4);
        } finally {
            consumer.stop();
        }
        assertThat(batches.get()).as("the second poll was tried as a batch").isEqualTo(2);
        assertThat(deliveries.get()).as("then applied one by one").isEqualTo(2);
        assertThat(effects()).containsExactlyInAnyOrder(good.stream().map(UUID::toString).toArray(String[]::new));
        assertThat(readAll(deadLetterTopic, 1)).extracting(r -> header(r, DeadLetters.CODE))
                .containsExactly("event.unknown-type");
    }

    private byte[] event(UUID id, String type) {
        return CloudEventCodec.toJson(new EventEnvelope(id, type, "/aims/inventory", "stream-1", Instant.now(), 1,
                "alice", null, null, SampleEvents.TRACEPARENT, "{\"n\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    private void send(byte[]... values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", (Object) bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, "stream-1", value)).get();
            }
        }
    }

    private List<String> effects() {
        List<String> ids = new ArrayList<>();
        try (var connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select event_id from effect order by applied_at, event_id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private long committedOffset() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String from, int expected) {
        var properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("group.id", "dlq-reader-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var reader = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(List.of(from));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
