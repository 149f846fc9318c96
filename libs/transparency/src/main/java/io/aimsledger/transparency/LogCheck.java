package io.aimsledger.transparency;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a log against the Merkle tree recorded for it and the signed checkpoints of that tree, entry by
 * entry in seq order: every entry must be the leaf the tree recorded at its place, and the recorded
 * tree must have the signed root at every checkpoint. The server's {@code verify} and the offline
 * verifier both feed it; it reports the first entry that fails, in plain words.
 */
public final class LogCheck {

    /** What the check found; {@code treeSize} and {@code rootHash} are those of the entries as they are. */
    public record Result(boolean valid, long treeSize, String rootHash, long checkedEntries, Long firstInvalidSeq,
                         String finding, long invalidEntries, int checkpointsChecked) {
    }

    private final List<SignedCheckpoint> checkpoints;
    private final TreeFrontier recorded = TreeFrontier.empty();
    private final TreeFrontier entries = TreeFrontier.empty();
    private int nextCheckpoint;
    private long expectedLeaf;
    private long checked;
    private long invalid;
    private Long firstInvalidSeq;
    private String finding;
    private Long lastSeq;
    private Long seqAfterLastGoodCheckpoint;

    /** Checkpoints whose signature does not verify with {@code key} make the log invalid. */
    public LogCheck(List<SignedCheckpoint> checkpoints, PublicKey key) {
        this.checkpoints = new ArrayList<>(checkpoints);
        this.checkpoints.sort(Comparator.comparingLong(c -> c.checkpoint().treeSize()));
        String keyId = SigningKeys.keyId(key);
        for (SignedCheckpoint signed : this.checkpoints) {
            if (!signed.keyId().equals(keyId) || !signed.verify(key)) {
                fail(null, "the checkpoint of " + signed.checkpoint().treeSize() + " entries is not signed by key "
                        + keyId);
            }
        }
        checkEmptyTreeCheckpoints();
    }

    /**
     * One entry, in seq order: {@code leafIndex} and {@code recordedLeafHash} are what the tree recorded
     * for this seq (null if it recorded nothing), {@code event} the entry's JSON (null if the log has none).
     */
    public void entry(long seq, Long leafIndex, byte[] recordedLeafHash, String event) {
        lastSeq = seq;
        if (seqAfterLastGoodCheckpoint == null) {
            seqAfterLastGoodCheckpoint = seq;
        }
        byte[] computed = null;
        if (event != null) {
            checked++;
            try {
                computed = MerkleHashes.leaf(CanonicalJson.canonicalize(event));
            } catch (IllegalArgumentException e) {
                fail(seq, "entry seq " + seq + " is not JSON with a canonical form (" + e.getMessage() + ")");
            }
        }
        if (leafIndex == null) {
            fail(seq, "entry seq " + seq + " is in the log but the tree never recorded it (inserted afterwards?)");
        } else {
            if (leafIndex != expectedLeaf) {
                fail(seq, "the tree records entry seq " + seq + " as leaf " + leafIndex + " where leaf " + expectedLeaf
                        + " was due (entries reordered?)");
            } else if (event == null) {
                fail(seq, "the tree records entry seq " + seq + " (leaf " + leafIndex
                        + ") but the log no longer has it (deleted?)");
            } else if (computed != null && !MessageDigest.isEqual(computed, recordedLeafHash)) {
                fail(seq, "entry seq " + seq + " (leaf " + leafIndex
                        + ") does not hash to the leaf the tree recorded for it (changed or swapped?)");
            }
            expectedLeaf = leafIndex + 1;
            recorded.append(recordedLeafHash);
            compareWithCheckpoints();
        }
        if (computed != null) {
            entries.append(computed);
        }
    }

    public Result finish() {
        if (nextCheckpoint < checkpoints.size()) {
            long signedSize = checkpoints.get(nextCheckpoint).checkpoint().treeSize();
            fail(null, "a signed checkpoint covers " + signedSize + " entries but the tree records only "
                    + recorded.size() + " (entries removed from the end?)");
        }
        return new Result(invalid == 0, entries.size(), MerkleHashes.hex(entries.root()), checked, firstInvalidSeq,
                invalid == 0 ? "every entry is the leaf the tree recorded, and the tree has the signed root at each of "
                        + checkpoints.size() + " checkpoints" : finding,
                invalid, checkpoints.size());
    }

    private void compareWithCheckpoints() {
        while (nextCheckpoint < checkpoints.size()
                && checkpoints.get(nextCheckpoint).checkpoint().treeSize() == recorded.size()) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint).checkpoint();
            if (!MessageDigest.isEqual(recorded.root(), checkpoint.root())) {
                fail(seqAfterLastGoodCheckpoint, "the recorded tree of " + checkpoint.treeSize()
                        + " entries does not have the signed root: an entry from seq " + seqAfterLastGoodCheckpoint
                        + " up to seq " + lastSeq + " was altered together with its leaf");
            } else {
                seqAfterLastGoodCheckpoint = null;
            }
            nextCheckpoint++;
        }
    }

    private void checkEmptyTreeCheckpoints() {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).checkpoint().treeSize() == 0) {
            if (!MessageDigest.isEqual(MerkleHashes.empty(), checkpoints.get(nextCheckpoint).checkpoint().root())) {
                fail(null, "the checkpoint of the empty tree does not have the empty root");
            }
            nextCheckpoint++;
        }
    }

    private void fail(Long seq, String why) {
        invalid++;
        if (finding == null) {
            finding = why;
            firstInvalidSeq = seq;
        }
    }
}
