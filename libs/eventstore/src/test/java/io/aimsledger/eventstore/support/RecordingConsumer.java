package io.aimsledger.eventstore.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.eventstore.inbox.ConsumerSettings;
import io.aimsledger.eventstore.inbox.EventConsumer;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The consumer side of the relay tests: a real Kafka consumer that applies each event of the
 * watched streams once, through the inbox, into a {@code received} table in apply order, and
 * remembers every delivery (duplicates included) with its headers.
 */
public final class RecordingConsumer implements AutoCloseable {

    private static final String CONSUMER = "relay-test";

    private final EventStoreDatabase database;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();
    private final List<ConsumerRecord<String, byte[]>> deliveries = new CopyOnWriteArrayList<>();
    private final Inbox inbox = new Inbox();
    private final EventConsumer consumer;

    public RecordingConsumer(EventStoreDatabase database, String bootstrapServers) {
        this.database = database;
        database.execute("""
                create table if not exists received (
                    seq bigint generated always as identity primary key,
                    stream_id text not null, stream_version bigint not null, event_id text not null unique)
                """);
        this.consumer = new EventConsumer(ConsumerSettings.of(bootstrapServers, "relay-test-" + UUID.randomUUID(),
                List.of("aims.inventory.v1"), "aims.test.dlq"), this::apply, OpenTelemetry.noop());
    }

    public RecordingConsumer watch(String stream) {
        streams.add(stream);
        return this;
    }

    public RecordingConsumer start() {
        consumer.start();
        return this;
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
        consumer.stop();
    }
}
