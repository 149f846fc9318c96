package io.aimsledger.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing Merkle tree: the hashes of the largest complete subtrees covering its
 * leaves, at most one per level. Enough to append a leaf (learning which subtrees it completes) and
 * to compute the current root, without looking at anything older.
 */
public final class TreeFrontier {

    private final List<Subtrees.HashedNode> nodes;
    private long size;

    private TreeFrontier(long size, List<Subtrees.HashedNode> nodes) {
        this.size = size;
        this.nodes = nodes;
    }

    public static TreeFrontier empty() {
        return new TreeFrontier(0, new ArrayList<>());
    }

    /** Which subtrees make up the frontier of a tree of {@code size} leaves. */
    public static List<Subtrees.Node> nodesOf(long size) {
        return Subtrees.covering(0, size);
    }

    /** The frontier of a tree of {@code size} leaves, read from its subtrees. */
    public static TreeFrontier of(long size, Subtrees tree) {
        List<Subtrees.HashedNode> nodes = new ArrayList<>();
        for (Subtrees.Node node : nodesOf(size)) {
            nodes.add(new Subtrees.HashedNode(node.level(), node.index(), tree.hash(node.level(), node.index())));
        }
        return new TreeFrontier(size, nodes);
    }

    public long size() {
        return size;
    }

    /** Appends a leaf; returns the subtrees it completed, the leaf itself first. */
    public List<Subtrees.HashedNode> append(byte[] leafHash) {
        List<Subtrees.HashedNode> completed = new ArrayList<>();
        var node = new Subtrees.HashedNode(0, size, leafHash);
        completed.add(node);
        while (!nodes.isEmpty() && nodes.getLast().level() == node.level()) {
            var left = nodes.removeLast();
            node = new Subtrees.HashedNode(node.level() + 1, left.index() >> 1, MerkleHashes.node(left.hash(), node.hash()));
            completed.add(node);
        }
        nodes.add(node);
        size++;
        return completed;
    }

    public byte[] root() {
        if (nodes.isEmpty()) {
            return MerkleHashes.empty();
        }
        byte[] hash = nodes.getLast().hash();
        for (int i = nodes.size() - 2; i >= 0; i--) {
            hash = MerkleHashes.node(nodes.get(i).hash(), hash);
        }
        return hash;
    }

    public TreeFrontier copy() {
        return new TreeFrontier(size, new ArrayList<>(nodes));
    }
}
