package io.aimsledger.eventstore.relay;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes committed events to Kafka, in order, exactly as they were stored; never inside a request.
 * <p>
 * Order and completeness: a sequence value is taken at insert, not at commit, so an event with a lower
 * position can commit after one with a higher position. The relay therefore reads only events whose
 * transaction is older than every transaction still running in this database (only those can still
 * add events to this event store; see {@link #horizon}),
 * in (transaction, position) order, and remembers the last (transaction, position) it published. A
 * transaction that commits later has a transaction id at or above that horizon and is read in a later
 * round: nothing is skipped. Within a stream, versions are published in order because the command
 * handler reads a stream before its transaction writes anything (see {@code CommandHandler}).
 * <p>
 * One relay per database is active at a time (a session advisory lock); the others wait. It is woken
 * in process right after a command's transaction commits ({@link CommitSignal}) and polls every
 * {@code aims.outbox.poll-interval} for commits by other replicas; nothing in the writing transaction
 * takes a cluster-wide lock for it (a NOTIFY would: PostgreSQL serialises every notifying commit on one
 * lock, held until the commit record is flushed, which costs group commit).
 * <p>
 * Each batch is one Kafka transaction (consumers read committed). A batch that fails part-way is aborted
 * and sent again whole, so no event of it becomes visible ahead of an earlier one that was lost; a
 * relay that took over initialises the same transactional id, which aborts what its predecessor left
 * open and fences that producer's late writes. Publishing is still at least once: after a crash between
 * the Kafka commit and the checkpoint, the batch is sent again and consumers drop the duplicates by
 * event id (the inbox).
 */
@ApplicationScoped
public class OutboxRelay implements CommitSignal {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // Which transactions of this database are running, and the first xid not yet assigned: read before the
    // batch (see horizon()). pg_stat_activity shows backend_xid to every role.
    private static final String RUNNING_HERE = """
            select pg_snapshot_xmax(pg_current_snapshot())::text,
                   array(select backend_xid::text::bigint from pg_stat_activity
                         where datname = current_database() and backend_xid is not null)
            """;
    // Below the horizon: the older of that xmax and the oldest xid still running in this batch's snapshot
    // that belonged to this database then (a snapshot's 64-bit xid matches a backend's 32-bit one mod 2^32).
    private static final String SELECT_BATCH = """
            with horizon as (select least(?::xid8, coalesce(
                                 (select x from pg_snapshot_xip(pg_current_snapshot()) as x
                                  where x::text::bigint % 4294967296 = any(?::bigint[])
                                  order by x limit 1), ?::xid8)) as xid)
            select global_position, stream_id, stream_version, event_id, event_type, occurred_at, actor,
                   correlation_id, causation_id, traceparent, payload::text as payload, transaction_id::text as xid
            from event_store, horizon
            where (transaction_id, global_position) > (?::xid8, ?)
              and transaction_id < horizon.xid
            order by transaction_id, global_position
            limit ?
            """;

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final AtomicLong lagEvents = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final Counter published;

    private volatile boolean running;
    private volatile boolean active;
    private volatile Thread thread;
    private volatile KafkaProducer<String, byte[]> producer;

    public OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry metrics,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.published = Counter.builder("aims.outbox.published").description("Events published to Kafka")
                .register(metrics);
        Gauge.builder("aims.outbox.failures", failures, AtomicLong::get)
                .description("Times the relay failed (Kafka or the database unreachable) and started over")
                .register(metrics);
        Gauge.builder("aims.outbox.lag.events", lagEvents, AtomicLong::get)
                .description("Committed events not yet published").register(metrics);
        Gauge.builder("aims.outbox.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest committed event not yet published").register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("aims-outbox-relay").daemon().start(this::run);
    }

    /** Stops at once, wherever the relay is: a batch sent but not checkpointed is sent again later. */
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        KafkaProducer<String, byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ZERO);
        }
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        active = false;
    }

    /** Whether this instance holds the relay lock and is publishing. */
    public boolean isActive() {
        return active;
    }

    public long lagEvents() {
        return lagEvents.get();
    }

    /**
     * Called after a transaction that appended events committed in this process: the relay looks for
     * them at once instead of at its next poll. Takes no lock and touches no database.
     */
    @Override
    public void wakeUp() {
        Thread relayThread = thread;
        if (relayThread != null) {
            LockSupport.unpark(relayThread);
        }
    }

    /** How many rounds (read, publish, checkpoint) the relay has completed. */
    public long rounds() {
        return rounds.get();
    }

    /** How often the relay failed and started over since it was created. */
    public long failures() {
        return failures.get();
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                if (!tryLock(connection)) {
                    pause(config.pollInterval());
                    continue;
                }
                active = true;
                relay(connection, transactionalId(connection));
            } catch (Exception e) {
                if (running) {
                    failures.incrementAndGet();
                    LOG.warnf("Outbox relay failed (%s); retrying in %s", e.getMessage(), config.retryBackoff());
                    pause(config.retryBackoff());
                }
            } finally {
                active = false;
                closeProducer();
            }
        }
    }

    private void relay(Connection connection, String transactionalId) throws Exception {
        Checkpoint checkpoint = Checkpoint.read(connection, config.name());
        // Measured before Kafka is reached too, so that the lag grows while Kafka is unreachable.
        measureLag(connection, checkpoint);
        producer = newProducer(transactionalId);
        producer.initTransactions();
        while (running) {
            List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
            Checkpoint next = checkpoint;
            Horizon horizon = horizon(connection);
            try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
                select.setString(1, horizon.xmax());
                select.setArray(2, horizon.runningHere());
                select.setString(3, horizon.xmax());
                select.setString(4, checkpoint.transactionId());
                select.setLong(5, checkpoint.position());
                select.setInt(6, config.batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        batch.add(OutboxRecords.toRecord(rows));
                        next = new Checkpoint(rows.getString("xid"), rows.getLong("global_position"));
                    }
                }
            }
            // Measured before sending too, so that the lag grows while Kafka is unreachable.
            measureLag(connection, checkpoint);
            if (!batch.isEmpty()) {
                send(batch);
                next.save(connection, config.name(), batch.size());
                checkpoint = next;
                published.increment(batch.size());
                measureLag(connection, checkpoint);
            }
            rounds.incrementAndGet();
            if (batch.size() < config.batchSize()) {
                awaitWork();
            }
        }
    }

    /** The batch as one Kafka transaction; on any failure the producer is closed, which aborts it. */
    private void send(List<ProducerRecord<String, byte[]>> batch) throws Exception {
        producer.beginTransaction();
        for (ProducerRecord<String, byte[]> record : batch) {
            Future<RecordMetadata> ack = producer.send(record);
            // A send that failed at once (no metadata within max.block.ms: Kafka is gone) fails the batch
            // now; sending the rest would wait max.block.ms for each of them.
            if (ack.isDone()) {
                ack.get();
            }
        }
        producer.commitTransaction();
    }

    /** Unique per relay and database, so that relays of other services or databases never fence this one. */
    private String transactionalId(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select current_database()");
             ResultSet row = select.executeQuery()) {
            row.next();
            return "aims-outbox-relay-" + config.name() + "-" + row.getString(1);
        }
    }

    /**
     * Until {@link #wakeUp()} (a commit in this process) or the poll interval (a commit by another
     * replica). Parking keeps a wake-up that came before it: no commit is waited for twice.
     */
    private void awaitWork() {
        LockSupport.parkNanos(this, config.pollInterval().toNanos());
        if (Thread.currentThread().isInterrupted()) {
            running = false;
        }
    }

    /**
     * Only transactions of this database can add events to this store, so only they must have ended
     * before the relay reads past them; long transactions of other databases on the same server (xids
     * are cluster-wide) must not hold it back, as {@code pg_snapshot_xmin} alone would. Why reading the
     * running set first is safe: a transaction with an xid below {@code xmax} had it when this ran; if it
     * is still running when the batch's snapshot is taken, it was running here too, so it is in the set
     * and in that snapshot, and the horizon stays at or below it. (No two-phase commit is used: a prepared
     * transaction has no backend and would not be seen.)
     */
    private static Horizon horizon(Connection connection) throws SQLException {
        try (PreparedStatement running = connection.prepareStatement(RUNNING_HERE); ResultSet row = running.executeQuery()) {
            row.next();
            return new Horizon(row.getString(1), row.getArray(2));
        }
    }

    private record Horizon(String xmax, Array runningHere) {
    }

    private void measureLag(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement lag = connection.prepareStatement("""
                select count(*), coalesce(extract(epoch from clock_timestamp() - min(recorded_at)) * 1000, 0)
                from event_store where (transaction_id, global_position) > (?::xid8, ?)
                """)) {
            lag.setString(1, checkpoint.transactionId());
            lag.setLong(2, checkpoint.position());
            try (ResultSet row = lag.executeQuery()) {
                row.next();
                lagEvents.set(row.getLong(1));
                lagMillis.set((long) row.getDouble(2));
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, "aims-outbox-relay:" + config.name());
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private KafkaProducer<String, byte[]> newProducer(String transactionalId) {
        return new KafkaProducer<>(Map.ofEntries(
                Map.entry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5"),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, "0"),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000"),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000"),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, transactionalId)),
                new StringSerializer(), new ByteArraySerializer());
    }

    private void closeProducer() {
        KafkaProducer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(Duration.ofSeconds(running ? 5 : 0));
            } catch (RuntimeException e) {
                LOG.debug("closing the relay's producer", e);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** How far the relay has published, in its own order. */
    record Checkpoint(String transactionId, long position) {

        static Checkpoint read(Connection connection, String relay) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "select transaction_id::text, global_position from outbox_checkpoint where relay = ?")) {
                select.setString(1, relay);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Checkpoint(row.getString(1), row.getLong(2)) : new Checkpoint("0", 0);
                }
            }
        }

        void save(Connection connection, String relay, int count) throws SQLException {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into outbox_checkpoint (relay, transaction_id, global_position, published_total)
                    values (?, ?::xid8, ?, ?)
                    on conflict (relay) do update set transaction_id = excluded.transaction_id,
                        global_position = excluded.global_position,
                        published_total = outbox_checkpoint.published_total + excluded.published_total,
                        updated_at = clock_timestamp()
                    """)) {
                upsert.setString(1, relay);
                upsert.setString(2, transactionId);
                upsert.setLong(3, position);
                upsert.setLong(4, count);
                upsert.executeUpdate();
            }
        }
    }
}
