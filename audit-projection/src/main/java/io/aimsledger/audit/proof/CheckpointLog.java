package io.aimsledger.audit.proof;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.SignedCheckpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The signed checkpoints, append-only like the log. */
@ApplicationScoped
public class CheckpointLog {

    private static final String COLUMNS = "tree_size, root_hash, signed_at, key_id, signature";

    public Uni<SignedCheckpoint> latest(SqlClient client) {
        return client.query("select " + COLUMNS + " from audit_checkpoint order by tree_size desc limit 1").execute()
                .map(CheckpointLog::first);
    }

    /** The first checkpoint whose tree holds at least {@code size} entries, or null. */
    public Uni<SignedCheckpoint> covering(SqlClient client, long size) {
        return client.preparedQuery("select " + COLUMNS + " from audit_checkpoint where tree_size >= $1 "
                + "order by tree_size limit 1").execute(Tuple.of(size)).map(CheckpointLog::first);
    }

    /** Every checkpoint of at most {@code size} entries, oldest first. */
    public Uni<List<SignedCheckpoint>> upTo(SqlClient client, long size) {
        return client.preparedQuery("select " + COLUMNS + " from audit_checkpoint where tree_size <= $1 order by tree_size")
                .execute(Tuple.of(size)).map(rows -> {
                    List<SignedCheckpoint> all = new ArrayList<>();
                    rows.forEach(row -> all.add(read(row)));
                    return all;
                });
    }

    /**
     * Stores a checkpoint unless one of that size exists already, or its key is no longer the current one
     * (an instance still running with a key that a restarted one has handed over); answers whether it did.
     */
    public Uni<Boolean> store(SqlClient client, SignedCheckpoint signed) {
        Checkpoint checkpoint = signed.checkpoint();
        return client.preparedQuery("insert into audit_checkpoint (" + COLUMNS + ") select $1, $2, $3, $4, $5 "
                        + "where $4 = (select key_id from audit_signing_key order by position desc limit 1) "
                        + "on conflict (tree_size) do nothing")
                .execute(Tuple.of(checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.timestamp(), signed.keyId(),
                        signed.signature()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Stores a checkpoint unless one of that size exists already (the hand-over's last one of a key). */
    static void insert(Connection connection, SignedCheckpoint signed) throws SQLException {
        Checkpoint checkpoint = signed.checkpoint();
        try (PreparedStatement statement = connection.prepareStatement("insert into audit_checkpoint (" + COLUMNS
                + ") values (?, ?, ?, ?, ?) on conflict (tree_size) do nothing")) {
            statement.setLong(1, checkpoint.treeSize());
            statement.setString(2, checkpoint.rootHash());
            statement.setString(3, checkpoint.timestamp());
            statement.setString(4, signed.keyId());
            statement.setString(5, signed.signature());
            statement.executeUpdate();
        }
    }

    private static SignedCheckpoint first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : read(rows.iterator().next());
    }

    static SignedCheckpoint read(Row row) {
        return new SignedCheckpoint(new Checkpoint(row.getLong("tree_size"), row.getString("root_hash"),
                row.getString("signed_at")), row.getString("key_id"), row.getString("signature"));
    }
}
