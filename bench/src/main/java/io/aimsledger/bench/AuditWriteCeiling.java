package io.aimsledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stage 4's ceiling: the rows the audit projection writes per event that changes an entity, written by
 * raw SQL on its own schema (its migration files, run here), batched as it batches a poll: one
 * transaction per batch that locks the tree head, inserts the log rows, the tree's nodes (the leaf and
 * the subtrees it completes: two per leaf on average) and leaves, moves the head, closes the version
 * the event replaces and inserts two (that version again, now ending where the new one begins, and
 * the new one), each kind with one statement. No parsing, hashing or folding: that is what
 * the projection adds on top of this.
 */
final class AuditWriteCeiling {

    private static final String DATABASE = "bench_audit_ceiling";
    private static final List<String> MIGRATIONS = List.of("libs/eventstore/src/main/resources/db/eventstore",
            "audit-projection/src/main/resources/db/migration");
    /** The projection's usual poll under load (max.poll.records). */
    static final int BATCH = 500;

    private AuditWriteCeiling() {
    }

    /** Events per second (a completed operation is a batch of {@link #BATCH}). */
    static double measure(LaunchedPlatform platform, BenchOptions options) throws Exception {
        platform.createDatabase(DATABASE);
        try (Connection c = platform.connect(DATABASE)) {
            Migrations.run(c, options.repository(), MIGRATIONS,
                    Map.of("audit_app_password", UUID.randomUUID().toString()));
        }
        String event = Events.samplePayload();
        Load.Outcome batches = Load.run(1, options.warmUp(), options.measure(), () -> {
            Connection connection = platform.connect(DATABASE + "?prepareThreshold=1");
            connection.setAutoCommit(false);
            var writer = new BatchWriter(connection, event);
            return writer::writeBatch;
        });
        return batches.perSecond() * BATCH;
    }

    private static final class BatchWriter {
        private final Connection connection;
        private final String event;
        private final PreparedStatement lockHead;
        private final PreparedStatement log;
        private final PreparedStatement nodes;
        private final PreparedStatement leaves;
        private final PreparedStatement moveHead;
        private final PreparedStatement versions;
        private final PreparedStatement close;
        private long leafCount;
        private String[] previousIds = new String[0];
        private Timestamp[] previousFrom = new Timestamp[0];

        BatchWriter(Connection connection, String event) throws Exception {
            this.connection = connection;
            this.event = event;
            lockHead = connection.prepareStatement("select size, root_hash from merkle_tree for update");
            log = connection.prepareStatement("""
                    insert into audit_log (event_id, source, type, subject, occurred_at, actor, correlation_id, topic,
                                           kafka_partition, kafka_offset, cloud_event)
                    select e, '/aims/inventory', 'io.aimsledger.inventory.ai-system-registered.v1', s, now(), 'alice',
                           null, 'aims.inventory.v1', 0, o, ?
                    from unnest(?::text[], ?::text[], ?::bigint[]) with ordinality as r(e, s, o, position)
                    order by position
                    on conflict (event_id) do nothing
                    returning seq, event_id, recorded_at
                    """);
            nodes = connection.prepareStatement("insert into merkle_node (level, node_index, hash) "
                    + "select * from unnest(?::smallint[], ?::bigint[], ?::bytea[])");
            leaves = connection.prepareStatement("insert into merkle_leaf (leaf_index, seq) "
                    + "select * from unnest(?::bigint[], ?::bigint[])");
            moveHead = connection.prepareStatement("update merkle_tree set size = ?, root_hash = ?");
            versions = connection.prepareStatement("""
                    insert into entity_version (entity_type, entity_id, valid_from, valid_to, recorded_from, recorded_to,
                                                event_seq, event_id, event_type, ended, state, fold, stream_version,
                                                created_at)
                    select 'ai-system', id, valid_from, valid_to, now(), null, seq, id, 'registered', false, ?::jsonb,
                           ?::jsonb, 1, valid_from
                    from unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[])
                         as v(id, valid_from, valid_to, seq)
                    """);
            // As the projection closes versions (VersionRows): each found by a probe of its entity's index.
            close = connection.prepareStatement("""
                    update entity_version v set recorded_to = now()
                    from (select found.row_id
                          from unnest(?::text[], ?::timestamptz[]) as wanted(id, valid_from)
                          cross join lateral (
                              select e.ctid as row_id from entity_version e
                              where e.entity_type = 'ai-system' and e.entity_id = wanted.id
                                and e.valid_from = wanted.valid_from and e.recorded_to is null
                              offset 0) found) closing
                    where v.ctid = closing.row_id
                    """);
        }

        void writeBatch() throws Exception {
            lockHead.executeQuery().close();
            String[] ids = new String[BATCH];
            String[] subjects = new String[BATCH];
            Long[] offsets = new Long[BATCH];
            for (int i = 0; i < BATCH; i++) {
                ids[i] = UUID.randomUUID().toString();
                subjects[i] = ids[i];
                offsets[i] = leafCount + i;
            }
            log.setString(1, event);
            log.setArray(2, connection.createArrayOf("text", ids));
            log.setArray(3, connection.createArrayOf("text", subjects));
            log.setArray(4, connection.createArrayOf("bigint", offsets));
            List<Long> seqs = new ArrayList<>(BATCH);
            try (var rows = log.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getLong(1));
                }
            }
            writeTree(seqs);
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp[] from = new Timestamp[BATCH];
            java.util.Arrays.fill(from, now);
            close.setArray(1, connection.createArrayOf("text", previousIds));
            close.setArray(2, connection.createArrayOf("timestamptz", previousFrom));
            close.executeUpdate();
            // The replaced versions again, ending now (under ids of their own, so the next close finds one
            // version still open per id), and the new ones.
            String[] versionIds = new String[2 * BATCH];
            Timestamp[] versionFrom = new Timestamp[2 * BATCH];
            Timestamp[] versionTo = new Timestamp[2 * BATCH];
            Long[] versionSeqs = new Long[2 * BATCH];
            for (int i = 0; i < BATCH; i++) {
                versionIds[i] = ids[i] + "-replaced";
                versionFrom[i] = previousFrom.length > 0 ? previousFrom[i] : now;
                versionTo[i] = now;
                versionIds[BATCH + i] = ids[i];
                versionFrom[BATCH + i] = now;
                versionSeqs[i] = seqs.get(i);
                versionSeqs[BATCH + i] = seqs.get(i);
            }
            versions.setString(1, event);
            versions.setString(2, event);
            versions.setArray(3, connection.createArrayOf("text", versionIds));
            versions.setArray(4, connection.createArrayOf("timestamptz", versionFrom));
            versions.setArray(5, connection.createArrayOf("timestamptz", versionTo));
            versions.setArray(6, connection.createArrayOf("bigint", versionSeqs));
            versions.executeUpdate();
            connection.commit();
            previousIds = ids;
            previousFrom = from;
        }

        /** The leaves and the subtrees they complete (a leaf completes as many as its index has trailing ones). */
        private void writeTree(List<Long> seqs) throws Exception {
            List<Short> levels = new ArrayList<>();
            List<Long> indexes = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            Long[] leafIndexes = new Long[seqs.size()];
            for (int i = 0; i < seqs.size(); i++) {
                long leaf = leafCount++;
                leafIndexes[i] = leaf;
                long index = leaf;
                short level = 0;
                do {
                    levels.add(level);
                    indexes.add(index);
                    hashes.add(hash());
                    level++;
                    index >>= 1;
                } while (((leaf >> (level - 1)) & 1) == 1);
            }
            nodes.setArray(1, connection.createArrayOf("smallint", levels.toArray(Short[]::new)));
            nodes.setArray(2, connection.createArrayOf("bigint", indexes.toArray(Long[]::new)));
            nodes.setArray(3, connection.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
            nodes.executeUpdate();
            leaves.setArray(1, connection.createArrayOf("bigint", leafIndexes));
            leaves.setArray(2, connection.createArrayOf("bigint", seqs.toArray(Long[]::new)));
            leaves.executeUpdate();
            moveHead.setLong(1, leafCount);
            moveHead.setBytes(2, hash());
            moveHead.executeUpdate();
        }

        private static byte[] hash() {
            byte[] hash = new byte[32];
            ThreadLocalRandom.current().nextBytes(hash);
            return hash;
        }
    }
}
