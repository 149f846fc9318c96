package io.aimsledger.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aimsledger.eventstore.store.EventStore;
import io.aimsledger.eventstore.store.EventToAppend;
import io.aimsledger.eventstore.support.EventStoreDatabase;
import io.aimsledger.eventstore.support.RecordingConsumer;
import io.aimsledger.eventstore.support.SampleEvents;
import io.aimsledger.eventstore.support.TestOutboxConfig;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.aimsledger.testkit.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * How the relay learns of commits now that no NOTIFY is sent: woken in process, polling for other
 * replicas, and never ahead of a transaction that is still open.
 */
class RelayWakeUpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private EventStoreDatabase database;
    private RecordingConsumer consumer;
    private OutboxRelay relay;
    private final EventStore store = new EventStore();

    @BeforeEach
    void setUp() {
        database = EventStoreDatabase.create("wakeup");
        consumer = new RecordingConsumer(database, TestServers.kafka().bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.stop();
        }
        consumer.close();
        database.close();
    }

    private void startRelay(Duration pollInterval) {
        relay = new OutboxRelay(database.dataSource(), new TestOutboxConfig(true, 500, pollInterval,
                Duration.ofMillis(500), "outbox"), new SimpleMeterRegistry(), TestServers.kafka().bootstrapServers());
        relay.start();
        await().atMost(PATIENCE).until(() -> relay.rounds() > 0);
    }

    @Test
    void aCommitInThisProcessIsPublishedAtOnceThoughTheNextPollIsAnHourAway() {
        String stream = UUID.randomUUID().toString();
        consumer.watch(stream).start();
        startRelay(Duration.ofHours(1));
        EventToAppend event = SampleEvents.event(1);

        database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, 0, List.of(event),
                SampleEvents.metadata())).await().indefinitely();
        relay.wakeUp();

        await().atMost(PATIENCE).until(() -> consumer.delivered(event.eventId()));
    }

    @Test
    void aCommitOfAnotherReplicaWithoutAWakeUpIsPublishedAtTheNextPoll() throws Exception {
        String stream = UUID.randomUUID().toString();
        consumer.watch(stream).start();
        startRelay(Duration.ofMillis(200));
        UUID eventId = UUID.randomUUID();
        long roundsBefore = relay.rounds();

        // As another replica would: its own session, and nothing tells this process's relay.
        try (Connection other = database.connect(); var insert = other.prepareStatement("""
                insert into event_store (stream_id, stream_type, stream_version, event_id, event_type, schema_version,
                                         occurred_at, actor, payload)
                values (?, ?, 1, ?, ?, 1, now(), 'alice', '{"n":1}'::jsonb)""")) {
            insert.setString(1, stream);
            insert.setString(2, SampleEvents.STREAM_TYPE);
            insert.setObject(3, eventId);
            insert.setString(4, SampleEvents.TYPE);
            insert.executeUpdate();
        }

        await().atMost(PATIENCE).until(() -> consumer.delivered(eventId));
        assertThat(relay.rounds()).as("found by polling, round after round").isGreaterThan(roundsBefore);
    }

    @Test
    void aLaterTransactionIsNotPublishedAheadOfAnEarlierOneStillOpenAndBothFollowInOrder() {
        String earlierStream = UUID.randomUUID().toString();
        String laterStream = streamOnTheSamePartitionAs(earlierStream);
        consumer.watch(earlierStream).watch(laterStream).start();
        startRelay(Duration.ofMillis(100));
        EventToAppend earlier = SampleEvents.event(1);
        EventToAppend later = SampleEvents.event(2);

        SqlConnection open = database.pool().getConnection().await().indefinitely();
        try {
            var transaction = open.begin().await().indefinitely();
            store.append(new ConnectionTransaction(open), earlierStream, SampleEvents.STREAM_TYPE, 0, List.of(earlier), SampleEvents.metadata())
                    .await().indefinitely();
            database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), laterStream, SampleEvents.STREAM_TYPE, 0,
                    List.of(later), SampleEvents.metadata())).await().indefinitely();
            relay.wakeUp();
            long committedLater = relay.rounds();
            await().atMost(PATIENCE).until(() -> relay.rounds() >= committedLater + 3);

            assertThat(consumer.deliveries()).as("nothing past the open transaction is published").isEmpty();

            transaction.commit().await().indefinitely();
            relay.wakeUp();
            await().atMost(PATIENCE).until(() -> consumer.delivered(earlier.eventId()) && consumer.delivered(later.eventId()));
        } finally {
            open.close().await().indefinitely();
        }
        List<ConsumerRecord<String, byte[]>> deliveries = consumer.deliveries();
        assertThat(deliveries).hasSize(2);
        assertThat(text(deliveries.get(0))).as("the earlier transaction first").contains(earlier.eventId().toString());
        assertThat(text(deliveries.get(1))).contains(later.eventId().toString());
        assertThat(deliveries.get(0).offset()).isLessThan(deliveries.get(1).offset());
    }

    @Test
    void anOpenTransactionOfAnotherDatabaseOnTheSameServerDoesNotHoldTheRelayBack() throws Exception {
        String stream = UUID.randomUUID().toString();
        consumer.watch(stream).start();
        startRelay(Duration.ofMillis(100));
        EventToAppend event = SampleEvents.event(1);

        // xids are cluster-wide: this one is older than the append's, and stays open until the end.
        try (Connection elsewhere = TestServers.postgres().connect("postgres")) {
            elsewhere.setAutoCommit(false);
            try (var statement = elsewhere.createStatement()) {
                statement.execute("select pg_current_xact_id()");
            }
            database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, 0, List.of(event),
                    SampleEvents.metadata())).await().indefinitely();
            relay.wakeUp();

            await().atMost(PATIENCE).until(() -> consumer.delivered(event.eventId()));
            elsewhere.rollback();
        }
    }

    /** A stream whose records Kafka's default partitioner puts beside {@code stream}'s, so their order is kept. */
    private static String streamOnTheSamePartitionAs(String stream) {
        int partitions = 3;
        int partition = partition(stream, partitions);
        while (true) {
            String candidate = UUID.randomUUID().toString();
            if (partition(candidate, partitions) == partition) {
                return candidate;
            }
        }
    }

    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
