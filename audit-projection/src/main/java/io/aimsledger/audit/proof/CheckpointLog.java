package io.aimsledger.audit.proof;

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

    /** Stores a checkpoint unless one of that size exists already. */
    public Uni<Void> store(SqlClient client, SignedCheckpoint signed) {
        Checkpoint checkpoint = signed.checkpoint();
        return client.preparedQuery("insert into audit_checkpoint (" + COLUMNS + ") values ($1, $2, $3, $4, $5) "
                        + "on conflict (tree_size) do nothing")
                .execute(Tuple.of(checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.timestamp(), signed.keyId(),
                        signed.signature()))
                .replaceWithVoid();
    }

    private static SignedCheckpoint first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : read(rows.iterator().next());
    }

    static SignedCheckpoint read(Row row) {
        return new SignedCheckpoint(new Checkpoint(row.getLong("tree_size"), row.getString("root_hash"),
                row.getString("signed_at")), row.getString("key_id"), row.getString("signature"));
    }
}
