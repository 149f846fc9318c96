package io.aimsledger.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The hashes of complete subtrees of a Merkle tree: {@code hash(level, index)} is the root of the
 * {@code 2^level} leaves starting at leaf {@code index * 2^level} (level 0 are the leaf hashes).
 * Every tree head and proof of RFC 9162 is made of such subtrees, so a store that keeps them answers
 * any of them with O(log n) reads.
 */
@FunctionalInterface
public interface Subtrees {

    byte[] hash(int level, long index);

    /** One complete subtree: {@code 2^level} leaves from leaf {@code index << level}. */
    record Node(int level, long index) {

        public long firstLeaf() {
            return index << level;
        }
    }

    /** A subtree with its hash. */
    record HashedNode(int level, long index, byte[] hash) {
    }

    /**
     * The largest complete subtrees covering leaves {@code [from, to)}, left to right. For the ranges
     * RFC 9162 splits a tree into (from a multiple of a power of two no smaller than the range), the
     * range's hash folds them right to left.
     */
    static List<Node> covering(long from, long to) {
        List<Node> nodes = new ArrayList<>();
        while (from < to) {
            int level = Math.min(from == 0 ? 62 : Long.numberOfTrailingZeros(from), 63 - Long.numberOfLeadingZeros(to - from));
            nodes.add(new Node(level, from >> level));
            from += 1L << level;
        }
        return nodes;
    }

    /** Subtrees computed from a list of leaf hashes: for tests and for verifiers holding the whole log. */
    static Subtrees of(List<byte[]> leafHashes) {
        return new Subtrees() {
            @Override
            public byte[] hash(int level, long index) {
                long first = index << level;
                if (first + (1L << level) > leafHashes.size()) {
                    throw new IllegalArgumentException("no complete subtree " + level + "/" + index);
                }
                return level == 0 ? leafHashes.get((int) first)
                        : MerkleHashes.node(hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
            }
        };
    }
}
