package io.aimsledger.audit.proof;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.audit.log.Snapshots;
import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.LogCheck;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.SignedCheckpoint;

/**
 * Recomputes the tree from the log's rows as they are now and checks them against the recorded tree
 * and the signed checkpoints, in one consistent snapshot, streaming (constant memory).
 */
@ApplicationScoped
public class LogVerifier {

    // Every seq that the log or the tree knows, in order: a row the tree lacks or a leaf whose row is
    // gone shows up as a one-sided row of the full join.
    private static final String LOG_AND_TREE = """
            select coalesce(a.seq, t.seq) as seq, t.leaf_index, t.hash, a.cloud_event, p.seq is not null as pre_tree,
                   case when p.seq is not null then p.digest = sha256(convert_to(a.cloud_event, 'UTF8')) end as as_recorded
            from (select l.leaf_index, l.seq, n.hash from merkle_leaf l
                  join merkle_node n on n.level = 0 and n.node_index = l.leaf_index) t
            full join audit_log a on a.seq = t.seq
            left join audit_pre_tree_entry p on p.seq = a.seq
            order by 1
            """;
    // An entry recorded as from before the tree that the log no longer has.
    private static final String PRE_TREE_DELETED = """
            select p.seq from audit_pre_tree_entry p where not exists (select from audit_log a where a.seq = p.seq)
            order by p.seq limit 1
            """;

    private final DataSource dataSource;

    public LogVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public LogCheck.Result verify() throws SQLException {
        try (Connection connection = Snapshots.open(dataSource)) {
            var check = new LogCheck(checkpoints(connection), KeyHistoryLog.read(connection));
            try (PreparedStatement statement = connection.prepareStatement(LOG_AND_TREE)) {
                statement.setFetchSize(2_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long leafIndex = rows.getLong("leaf_index");
                        boolean inTree = !rows.wasNull();
                        if (!inTree && rows.getBoolean("pre_tree")) {
                            check.preTreeEntry(rows.getLong("seq"), rows.getBoolean("as_recorded"));
                        } else {
                            check.entry(rows.getLong("seq"), inTree ? leafIndex : null, rows.getBytes("hash"),
                                    rows.getString("cloud_event"));
                        }
                    }
                }
            }
            LogCheck.Result result = check.finish();
            result = preTreeDeleted(connection, result);
            result = checkHead(connection, result);
            connection.commit();
            return result;
        }
    }

    /**
     * The tree head the appender works from is the one row of the tree the application role may change:
     * it must be the size and root of the tree the leaves make, or appends would build on a forged head.
     */
    private static LogCheck.Result checkHead(Connection connection, LogCheck.Result result) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("select size, root_hash from merkle_tree")) {
            rows.next();
            long size = rows.getLong(1);
            String root = MerkleHashes.hex(rows.getBytes(2));
            if (size == result.treeSize() && root.equals(result.rootHash())) {
                return result;
            }
            return result.failing("the tree head records " + size + " entries with root " + root + ", but the "
                    + "recorded tree has " + result.treeSize() + " with root " + result.rootHash() + " (head changed?)");
        }
    }

    private static LogCheck.Result preTreeDeleted(Connection connection, LogCheck.Result result) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(PRE_TREE_DELETED)) {
            return rows.next() ? result.failing("entry seq " + rows.getLong(1) + " from before the tree, recorded when "
                    + "the tree was introduced, is no longer in the log (deleted?)") : result;
        }
    }

    static List<SignedCheckpoint> checkpoints(Connection connection) throws SQLException {
        List<SignedCheckpoint> all = new ArrayList<>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("select tree_size, root_hash, signed_at, key_id, signature "
                     + "from audit_checkpoint order by tree_size")) {
            while (rows.next()) {
                all.add(new SignedCheckpoint(new Checkpoint(rows.getLong(1), rows.getString(2), rows.getString(3)),
                        rows.getString(4), rows.getString(5)));
            }
        }
        return all;
    }
}
