package io.aimsledger.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
import io.aimsledger.localservers.PostgresServer;
import io.aimsledger.testkit.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A relay killed as a process (kill -9) after Kafka acknowledged a batch and before its checkpoint was
 * written: the next relay sends the batch again, and the consumer's inbox applies each event once.
 * The relay is held between the two steps by a lock on its checkpoint table, not by a hook in its code.
 */
class RelayCrashTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private EventStoreDatabase database;
    private RecordingConsumer consumer;
    private Process relayProcess;
    private final EventStore store = new EventStore();

    @BeforeEach
    void setUp() {
        database = EventStoreDatabase.create("crash");
        consumer = new RecordingConsumer(database, TestServers.kafka().bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        if (relayProcess != null) {
            relayProcess.destroyForcibly();
        }
        consumer.close();
        database.close();
    }

    @Test
    void aRelayKilledBetweenSendAndCheckpointSendsTheBatchAgainAndTheInboxDropsTheDuplicates() throws Exception {
        String stream = UUID.randomUUID().toString();
        consumer.watch(stream).start();
        relayProcess = startRelayProcess();
        append(stream, 0, List.of(SampleEvents.event(1)));
        await().atMost(PATIENCE).until(() -> consumer.appliedCount() == 1);

        List<EventToAppend> batch = List.of(SampleEvents.event(2), SampleEvents.event(3), SampleEvents.event(4));
        try (Connection lock = database.connect()) {
            lock.setAutoCommit(false);
            try (var statement = lock.createStatement()) {
                // A table lock takes no transaction id, so it does not hold the relay's horizon back;
                // it only keeps the checkpoint from being written.
                statement.execute("lock table outbox_checkpoint in share mode");
            }
            append(stream, 1, batch);
            // Sent and acknowledged, and the relay waiting to write its checkpoint: kill it there.
            await().atMost(PATIENCE).until(() -> batch.stream().allMatch(e -> consumer.delivered(e.eventId())));
            String waitingCheckpoint = "from pg_stat_activity where datname = current_database() "
                    + "and wait_event_type = 'Lock' and query like '%insert into outbox_checkpoint%'";
            await().atMost(PATIENCE).until(() -> database.count("select count(*) " + waitingCheckpoint) == 1);
            relayProcess.destroyForcibly();
            assertThat(relayProcess.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // The server would still finish the statement the dead process sent once the lock is gone; end
            // it first, as if the process had died before its checkpoint write reached the database.
            assertThat(database.count("select count(*) from (select pg_terminate_backend(pid) " + waitingCheckpoint
                    + ") ended")).isEqualTo(1);
            lock.rollback();
        }

        OutboxRelay next = new OutboxRelay(database.dataSource(), TestOutboxConfig.defaults(), new SimpleMeterRegistry(),
                TestServers.kafka().bootstrapServers());
        next.start();
        try {
            await().atMost(PATIENCE).until(() -> batch.stream().allMatch(e -> deliveries(e) == 2));
            assertThat(consumer.appliedCount()).as("each event applied once").isEqualTo(4);
            assertThat(consumer.appliedVersionsByStream().get(stream)).containsExactly(1L, 2L, 3L, 4L);
        } finally {
            next.stop();
        }
    }

    private void append(String stream, long expectedVersion, List<EventToAppend> events) {
        database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, expectedVersion, events,
                SampleEvents.metadata())).await().indefinitely();
    }

    private long deliveries(EventToAppend event) {
        return consumer.deliveries().stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"id\":\"" + event.eventId() + "\""))
                .count();
    }

    private Process startRelayProcess() throws Exception {
        PostgresServer postgres = TestServers.postgres();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RelayProcess.class.getName(), postgres.jdbcUrl(database.name()), PostgresServer.USER, postgres.password(),
                TestServers.kafka().bootstrapServers())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "relay-process.log").toFile())
                .start();
        await().atMost(PATIENCE).until(() -> !process.isAlive()
                || Files.readString(Path.of("target", "relay-process.log")).contains("relay started"));
        assertThat(process.isAlive()).as("the relay process started").isTrue();
        return process;
    }
}
