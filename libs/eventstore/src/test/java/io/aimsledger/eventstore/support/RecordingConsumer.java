package io.aimsledger.eventstore.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The consumer side of the relay tests: a plain Kafka consumer (read committed, its own group) that
 * applies each event of the watched streams once, through the inbox, into a {@code received} table in
 * apply order, and remembers every delivery (duplicates included) with its headers.
 */
public final class RecordingConsumer implements AutoCloseable {

    private static final String CONSUMER = "relay-test";

    private final EventStoreDatabase database;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();
    private final List<ConsumerRecord<String, byte[]>> deliveries = new CopyOnWriteArrayList<>();
    private final Inbox inbox = new Inbox();
    private final String bootstrapServers;
    private volatile boolean running;
    private Thread thread;

    public RecordingConsumer(EventStoreDatabase database, String bootstrapServers) {
        this.database = database;
        database.execute("""
                create table if not exists received (
                    seq bigint generated always as identity primary key,
                    stream_id text not null, stream_version bigint not null, event_id text not null unique)
                """);
        this.bootstrapServers = bootstrapServers;
    }

    public RecordingConsumer watch(String stream) {
        streams.add(stream);
        return this;
    }

    public RecordingConsumer start() {
        running = true;
        thread = Thread.ofPlatform().name("relay-test-consumer").daemon().start(this::run);
        return this;
    }

    private void run() {
        String group = "relay-test-" + UUID.randomUUID();
        while (running) {
            var properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
            try (var kafka = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
                kafka.subscribe(List.of("aims.inventory.v1"));
                while (running) {
                    var records = kafka.poll(Duration.ofMillis(200));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        apply(record, CloudEventCodec.fromJson(record.value())).await().atMost(Duration.ofSeconds(30));
                    }
                    if (!records.isEmpty()) {
                        kafka.commitSync();
                    }
                }
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (RuntimeException e) {
                // The broker went away mid-poll: start again from what was committed; the inbox absorbs repeats.
                System.err.println("RecordingConsumer starts again after: " + e);
            }
        }
    }

    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        if (!streams.contains(event.getSubject())) {
            return Uni.createFrom().voidItem();
        }
        deliveries.add(record);
        EventEnvelope envelope = CloudEventCodec.toEnvelope(event);
        return database.pool().withTransaction(c -> inbox.isProcessed(new ConnectionTransaction(c), CONSUMER, event.getId())
                .flatMap(done -> done ? Uni.createFrom().voidItem()
                        : c.preparedQuery("insert into received (stream_id, stream_version, event_id) values ($1, $2, $3)")
                                .execute(Tuple.of(envelope.subject(), envelope.streamVersion(), event.getId()))
                                .flatMap(ignored -> inbox.markProcessed(new ConnectionTransaction(c), CONSUMER, event.getId()))));
    }

    public long appliedCount() {
        return database.count("select count(*) from received");
    }

    public List<ConsumerRecord<String, byte[]>> deliveries() {
        return deliveries;
    }

    public boolean delivered(UUID eventId) {
        return deliveries.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains("\"id\":\"" + eventId + "\""));
    }

    /** Per stream, the versions in the order they were applied. */
    public Map<String, List<Long>> appliedVersionsByStream() {
        Map<String, List<Long>> byStream = new TreeMap<>();
        try (var connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select stream_id, stream_version from received order by seq")) {
            while (rows.next()) {
                byStream.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return byStream;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
