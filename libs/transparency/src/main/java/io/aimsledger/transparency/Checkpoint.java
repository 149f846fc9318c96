package io.aimsledger.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A tree head the log commits to: its size, its root and when it was taken. What gets signed is
 * {@link #signedText()}, four lines each ending in a line feed:
 * <pre>
 * AIMS Ledger audit checkpoint v1
 * &lt;tree size, decimal&gt;
 * &lt;root hash, lowercase hex&gt;
 * &lt;timestamp, as served (ISO 8601 UTC, at most millisecond precision)&gt;
 * </pre>
 */
public record Checkpoint(long treeSize, String rootHash, String timestamp) {

    public static final String HEADER = "AIMS Ledger audit checkpoint v1";

    public Checkpoint {
        if (treeSize < 0 || rootHash == null || !rootHash.matches("[0-9a-f]{64}") || timestamp == null) {
            throw new IllegalArgumentException("a checkpoint needs a size, a lowercase hex SHA-256 root and a time");
        }
    }

    public static Checkpoint of(long treeSize, byte[] rootHash, Instant at) {
        return new Checkpoint(treeSize, MerkleHashes.hex(rootHash), at.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    public byte[] root() {
        return MerkleHashes.fromHex(rootHash);
    }

    public String signedText() {
        return HEADER + "\n" + treeSize + "\n" + rootHash + "\n" + timestamp + "\n";
    }

    byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }
}
