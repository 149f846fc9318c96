package io.aimsledger.audit.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.MerkleTree;
import io.aimsledger.transparency.Subtrees;
import io.aimsledger.transparency.TreeFrontier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The Merkle tree over the audit log, kept in PostgreSQL as complete subtree hashes: appends in the
 * log's own transaction, tree heads and proofs from O(log n) stored subtrees read in one query.
 */
@ApplicationScoped
public class MerkleLog {

    /** The tree as the appender left it: its size and root. */
    public record TreeHead(long size, byte[] rootHash) {
    }

    /** A log entry's place in the tree. */
    public record Leaf(long leafIndex, long seq, byte[] leafHash) {
    }

    private static final String INSERT_NODES = """
            insert into merkle_node (level, node_index, hash)
            select * from unnest($1::smallint[], $2::bigint[], $3::bytea[])
            """;

    private static final String INSERT_LEAVES = """
            insert into merkle_leaf (leaf_index, seq) select * from unnest($1::bigint[], $2::bigint[])
            """;

    // The frontier of the last tree head this instance wrote; reused only if the head is still that one.
    private volatile TreeFrontier cached = TreeFrontier.empty();
    private volatile byte[] cachedRoot = MerkleHashes.empty();

    /** Locks the tree head until the caller's transaction ends: appends are one at a time, in seq order. */
    public Uni<TreeHead> lockHead(SqlClient transaction) {
        return transaction.query("select size, root_hash from merkle_tree for update").execute()
                .map(rows -> head(rows.iterator().next()));
    }

    public Uni<TreeHead> head(SqlClient client) {
        return client.query("select size, root_hash from merkle_tree").execute().map(rows -> head(rows.iterator().next()));
    }

    /** A log entry to add as a leaf. */
    public record NewLeaf(long seq, byte[] leafHash) {
    }

    /**
     * Appends the entries as the next leaves, in order, with three statements whatever their number; the
     * head must have been locked in this transaction.
     */
    public Uni<TreeHead> appendAll(SqlClient transaction, TreeHead head, List<NewLeaf> leaves) {
        if (leaves.isEmpty()) {
            return Uni.createFrom().item(head);
        }
        return frontier(transaction, head).flatMap(frontier -> {
            TreeFrontier next = frontier.copy();
            List<Short> levels = new ArrayList<>();
            List<Long> indexes = new ArrayList<>();
            // bytea binds as the core Buffer: the SQL client does not unwrap Mutiny's.
            List<Buffer> hashes = new ArrayList<>();
            List<Long> leafIndexes = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            for (NewLeaf leaf : leaves) {
                leafIndexes.add(next.size());
                seqs.add(leaf.seq());
                for (Subtrees.HashedNode node : next.append(leaf.leafHash())) {
                    levels.add((short) node.level());
                    indexes.add(node.index());
                    hashes.add(Buffer.buffer(node.hash()));
                }
            }
            byte[] root = next.root();
            return transaction.preparedQuery(INSERT_NODES)
                    .execute(Tuple.of(levels.toArray(Short[]::new), indexes.toArray(Long[]::new),
                            hashes.toArray(Buffer[]::new)))
                    .flatMap(ignored -> transaction.preparedQuery(INSERT_LEAVES)
                            .execute(Tuple.of(leafIndexes.toArray(Long[]::new), seqs.toArray(Long[]::new))))
                    .flatMap(ignored -> transaction.preparedQuery("update merkle_tree set size = $1, root_hash = $2")
                            .execute(Tuple.of(next.size(), Buffer.buffer(root))))
                    .map(ignored -> {
                        cached = next;
                        cachedRoot = root;
                        return new TreeHead(next.size(), root);
                    });
        });
    }

    private Uni<TreeFrontier> frontier(SqlClient client, TreeHead head) {
        TreeFrontier known = cached;
        if (known.size() == head.size() && Arrays.equals(cachedRoot, head.rootHash())) {
            return Uni.createFrom().item(known);
        }
        return subtrees(client, Set.copyOf(TreeFrontier.nodesOf(head.size())))
                .map(tree -> TreeFrontier.of(head.size(), tree));
    }

    public Uni<byte[]> root(SqlClient client, long size) {
        return answer(client, tree -> MerkleTree.root(size, tree));
    }

    public Uni<List<byte[]>> inclusionPath(SqlClient client, long leafIndex, long size) {
        return answer(client, tree -> MerkleTree.inclusionPath(leafIndex, size, tree));
    }

    public Uni<List<byte[]>> consistencyPath(SqlClient client, long first, long second) {
        return answer(client, tree -> MerkleTree.consistencyPath(first, second, tree));
    }

    /** The audit paths of several leaves in the tree of {@code size} entries, with one read. */
    public Uni<List<List<byte[]>>> inclusionPaths(SqlClient client, List<Long> leafIndexes, long size) {
        return answer(client, tree -> leafIndexes.stream().map(index -> MerkleTree.inclusionPath(index, size, tree)).toList());
    }

    /** The leaf that log entry {@code eventId} is, or null if the log has no such event. */
    public Uni<Leaf> leafOf(SqlClient client, String eventId) {
        return client.preparedQuery("""
                        select l.leaf_index, l.seq, n.hash from audit_log a
                        join merkle_leaf l on l.seq = a.seq
                        join merkle_node n on n.level = 0 and n.node_index = l.leaf_index
                        where a.event_id = $1
                        """)
                .execute(Tuple.of(eventId))
                .map(rows -> rows.size() == 0 ? null : leaf(rows.iterator().next()));
    }

    public Uni<Leaf> leafOfSeq(SqlClient client, long seq) {
        return client.preparedQuery("""
                        select l.leaf_index, l.seq, n.hash from merkle_leaf l
                        join merkle_node n on n.level = 0 and n.node_index = l.leaf_index
                        where l.seq = $1
                        """)
                .execute(Tuple.of(seq))
                .map(rows -> rows.size() == 0 ? null : leaf(rows.iterator().next()));
    }

    /** Runs {@code answer} over the subtrees it needs, read in one query. */
    private <T> Uni<T> answer(SqlClient client, Function<Subtrees, T> answer) {
        Set<Subtrees.Node> needed = MerkleTree.nodesNeeded(answer);
        return subtrees(client, needed).map(answer);
    }

    private Uni<Subtrees> subtrees(SqlClient client, Set<Subtrees.Node> nodes) {
        if (nodes.isEmpty()) {
            return Uni.createFrom().item((level, index) -> {
                throw new IllegalStateException("no subtree was expected to be read");
            });
        }
        List<Short> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        nodes.forEach(node -> {
            levels.add((short) node.level());
            indexes.add(node.index());
        });
        return client.preparedQuery("""
                        select n.level, n.node_index, n.hash from merkle_node n
                        join unnest($1::smallint[], $2::bigint[]) as wanted(level, node_index)
                          on n.level = wanted.level and n.node_index = wanted.node_index
                        """)
                .execute(Tuple.of(levels.toArray(Short[]::new), indexes.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Subtrees.Node, byte[]> found = new HashMap<>();
                    rows.forEach(row -> found.put(new Subtrees.Node(row.getShort("level"), row.getLong("node_index")),
                            row.getBuffer("hash").getBytes()));
                    return (level, index) -> {
                        byte[] hash = found.get(new Subtrees.Node(level, index));
                        if (hash == null) {
                            throw new IllegalStateException("the tree has no subtree " + level + "/" + index);
                        }
                        return hash;
                    };
                });
    }

    private static TreeHead head(Row row) {
        return new TreeHead(row.getLong("size"), row.getBuffer("root_hash").getBytes());
    }

    private static Leaf leaf(Row row) {
        return new Leaf(row.getLong("leaf_index"), row.getLong("seq"), row.getBuffer("hash").getBytes());
    }
}
