package io.aimsledger.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1 over leaf hashes: the tree head (MTH), inclusion paths (PATH) and consistency
 * proofs (PROOF). Works on a list of leaf hashes; a store that keeps subtree hashes can answer the
 * same questions with O(log n) reads, and must give these answers.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? MerkleHashes.empty() : root(leafHashes, 0, leafHashes.size());
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code treeSize} leaves. */
    public static List<byte[]> inclusionPath(List<byte[]> leafHashes, int index, int treeSize) {
        if (index < 0 || treeSize > leafHashes.size() || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, index, 0, treeSize, path);
        return path;
    }

    /** The proof that the tree of the first {@code first} leaves is a prefix of that of the first {@code second}. */
    public static List<byte[]> consistencyPath(List<byte[]> leafHashes, int first, int second) {
        if (first < 1 || first > second || second > leafHashes.size()) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(leafHashes, first, 0, second, true, proof);
        return proof;
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHashes.node(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(root(leaves, from, from + k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(root(leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, out);
            out.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** The largest power of two smaller than {@code n} (n >= 2). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
