package io.aimsledger.transparency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * RFC 9162 section 2.1 over complete subtree hashes: the tree head (MTH), inclusion paths (PATH) and
 * consistency proofs (PROOF). Which subtrees an answer needs does not depend on their hashes, so
 * {@link #nodesNeeded} tells a store what to read in one go before the answer is computed.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] root(long size, Subtrees tree) {
        return size == 0 ? MerkleHashes.empty() : range(0, size, tree);
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusionPath(long index, long size, Subtrees tree) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, tree, path);
        return path;
    }

    /** The proof that the tree of the first {@code first} leaves is a prefix of that of the first {@code second}. */
    public static List<byte[]> consistencyPath(long first, long second, Subtrees tree) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(first, 0, second, true, tree, proof);
        return proof;
    }

    /** The subtrees that {@code answer} reads, found by running it over placeholder hashes. */
    public static Set<Subtrees.Node> nodesNeeded(Function<Subtrees, ?> answer) {
        Set<Subtrees.Node> needed = new HashSet<>();
        byte[] placeholder = new byte[32];
        answer.apply((level, index) -> {
            needed.add(new Subtrees.Node(level, index));
            return placeholder;
        });
        return needed;
    }

    public static byte[] root(List<byte[]> leafHashes) {
        return root(leafHashes.size(), Subtrees.of(leafHashes));
    }

    public static List<byte[]> inclusionPath(List<byte[]> leafHashes, int index, int size) {
        requireLeaves(leafHashes, size);
        return inclusionPath(index, size, Subtrees.of(leafHashes));
    }

    public static List<byte[]> consistencyPath(List<byte[]> leafHashes, int first, int second) {
        requireLeaves(leafHashes, second);
        return consistencyPath(first, second, Subtrees.of(leafHashes));
    }

    private static void requireLeaves(List<byte[]> leafHashes, long size) {
        if (size > leafHashes.size()) {
            throw new IllegalArgumentException("a tree of size " + size + " needs more than " + leafHashes.size()
                    + " leaves");
        }
    }

    /** MTH(D[from:to]) for a range RFC 9162's recursion produces. */
    private static byte[] range(long from, long to, Subtrees tree) {
        List<Subtrees.Node> nodes = Subtrees.covering(from, to);
        Subtrees.Node last = nodes.getLast();
        byte[] hash = tree.hash(last.level(), last.index());
        for (int i = nodes.size() - 2; i >= 0; i--) {
            hash = MerkleHashes.node(tree.hash(nodes.get(i).level(), nodes.get(i).index()), hash);
        }
        return hash;
    }

    private static void path(long m, long from, long to, Subtrees tree, List<byte[]> out) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, from, from + k, tree, out);
            out.add(range(from + k, to, tree));
        } else {
            path(m - k, from + k, to, tree, out);
            out.add(range(from, from + k, tree));
        }
    }

    private static void subproof(long m, long from, long to, boolean complete, Subtrees tree, List<byte[]> out) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(range(from, to, tree));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, tree, out);
            out.add(range(from + k, to, tree));
        } else {
            subproof(m - k, from + k, to, false, tree, out);
            out.add(range(from, from + k, tree));
        }
    }

    /** The largest power of two smaller than {@code n} (n >= 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
