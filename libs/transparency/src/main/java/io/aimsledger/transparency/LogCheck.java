package io.aimsledger.transparency;

import java.security.MessageDigest;
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

    /**
     * What the check found; {@code treeSize} and {@code rootHash} are those of the entries as they are,
     * {@code preTreeEntries} the entries logged before the tree existed, which no signature covers.
     */
    public record Result(boolean valid, long treeSize, String rootHash, long checkedEntries, Long firstInvalidSeq,
                         String finding, long invalidEntries, int checkpointsChecked, int keysChecked,
                         long preTreeEntries) {

        /** This result made invalid by a finding about the log as a whole, unless it was invalid already. */
        public Result failing(String why) {
            return valid ? new Result(false, treeSize, rootHash, checkedEntries, null, why, invalidEntries + 1,
                    checkpointsChecked, keysChecked, preTreeEntries) : this;
        }
    }

    private final List<SignedCheckpoint> checkpoints;
    private final KeyHistory keys;
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
    private long preTree;

    /**
     * A broken chain of keys, or a checkpoint not signed by the key that was current for its tree size,
     * makes the log invalid.
     */
    public LogCheck(List<SignedCheckpoint> checkpoints, KeyHistory keys) {
        this.checkpoints = new ArrayList<>(checkpoints);
        this.checkpoints.sort(Comparator.comparingLong(c -> c.checkpoint().treeSize()));
        this.keys = keys;
        keys.findings().forEach(finding -> fail(null, finding));
        for (SignedCheckpoint signed : this.checkpoints) {
            String refusal = keys.refusal(signed);
            if (refusal != null) {
                fail(null, refusal);
            }
        }
        checkEmptyTreeCheckpoints();
    }

    /**
     * An entry logged before the tree existed, which the log recorded as such when the tree was
     * introduced ({@code asRecorded}: its bytes are still the ones recorded then). Such entries come
     * before every leaf; one after the first leaf is an entry the tree is missing.
     */
    public void preTreeEntry(long seq, boolean asRecorded) {
        lastSeq = seq;
        if (recorded.size() > 0 || expectedLeaf > 0) {
            fail(seq, "entry seq " + seq + " is recorded as from before the tree, but comes after the tree began");
        } else if (!asRecorded) {
            fail(seq, "entry seq " + seq + " from before the tree is not the entry recorded when the tree was "
                    + "introduced (changed or deleted?)");
        } else {
            checked++;
            preTree++;
        }
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
                        + checkpoints.size() + " checkpoints, each signed by the key current for it (" + keys.keys().size()
                        + (keys.keys().size() == 1 ? " key)" : " keys, each handed over by the one before)")
                        + (preTree == 0 ? "" : "; " + preTree + " entries from before the tree are as recorded when "
                        + "it was introduced, and no signature covers them") : finding,
                invalid, checkpoints.size(), keys.keys().size(), preTree);
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
