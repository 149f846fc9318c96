package io.aimsledger.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies RFC 9162 proofs (sections 2.1.3.2 and 2.1.4.2) from hashes alone, trusting nothing else:
 * what an auditor's verifier runs.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
                                          byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> path) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> proof = new ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            proof.addFirst(firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.getFirst();
        byte[] sr = proof.getFirst();
        for (byte[] c : proof.subList(1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }
}
