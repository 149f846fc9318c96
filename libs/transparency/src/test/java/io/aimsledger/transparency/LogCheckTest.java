package io.aimsledger.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LogCheckTest {

    private static final CheckpointSigner SIGNER = new CheckpointSigner(SigningKeys.generate());

    /** Entry i has seq 10 + 2i (the log's seq has gaps) and is leaf i. */
    private static final List<String> EVENTS = new ArrayList<>();
    private static final List<byte[]> LEAVES = new ArrayList<>();

    static {
        for (int i = 0; i < 20; i++) {
            String event = "{ \"id\": \"e" + i + "\", \"type\": \"t\", \"data\": {\"n\": " + i + ".0} }";
            EVENTS.add(event);
            LEAVES.add(MerkleHashes.leaf(CanonicalJson.canonicalize(event)));
        }
    }

    private static List<SignedCheckpoint> checkpoints(List<byte[]> leaves, int... sizes) {
        List<SignedCheckpoint> signed = new ArrayList<>();
        for (int size : sizes) {
            signed.add(SIGNER.sign(Checkpoint.of(size, MerkleTree.root(leaves.subList(0, size)), Instant.now())));
        }
        return signed;
    }

    private static LogCheck.Result check(List<String> events, List<byte[]> leaves, List<SignedCheckpoint> checkpoints) {
        var check = new LogCheck(checkpoints, KeyHistory.single(SIGNER.keys().getPublic()));
        for (int i = 0; i < Math.max(events.size(), leaves.size()); i++) {
            check.entry(10 + 2 * i, i < leaves.size() ? (long) i : null, i < leaves.size() ? leaves.get(i) : null,
                    i < events.size() ? events.get(i) : null);
        }
        return check.finish();
    }

    @Test
    void anUntouchedLogIsValidWithTheSignedRoot() {
        LogCheck.Result result = check(EVENTS, LEAVES, checkpoints(LEAVES, 0, 8, 20));

        assertThat(result.valid()).isTrue();
        assertThat(result.checkedEntries()).isEqualTo(20);
        assertThat(result.rootHash()).isEqualTo(MerkleHashes.hex(MerkleTree.root(LEAVES)));
        assertThat(result.firstInvalidSeq()).isNull();
        assertThat(result.checkpointsChecked()).isEqualTo(3);
    }

    @Test
    void aChangedEntryIsNamed() {
        List<String> events = new ArrayList<>(EVENTS);
        events.set(5, events.get(5).replace("5.0", "6"));

        LogCheck.Result result = check(events, LEAVES, checkpoints(LEAVES, 8, 20));

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSeq()).isEqualTo(20);
        assertThat(result.finding()).contains("seq 20").contains("changed");
    }

    @Test
    void reformattingAnEntryChangesNothing() {
        List<String> events = new ArrayList<>(EVENTS);
        events.set(5, events.get(5).replace(" ", "").replace("5.0", "5"));

        assertThat(check(events, LEAVES, checkpoints(LEAVES, 8, 20)).valid()).isTrue();
    }

    @Test
    void aRecordedLeafTamperedAlongWithItsEntryBreaksTheSignedRoot() {
        List<String> events = new ArrayList<>(EVENTS);
        List<byte[]> leaves = new ArrayList<>(LEAVES);
        events.set(12, "{\"id\":\"forged\"}");
        leaves.set(12, MerkleHashes.leaf("{\"id\":\"forged\"}".getBytes(StandardCharsets.UTF_8)));

        LogCheck.Result result = check(events, leaves, checkpoints(LEAVES, 8, 20));

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSeq()).isEqualTo(10 + 2 * 8);
        assertThat(result.finding()).contains("does not have the signed root");
    }

    @Test
    void aCheckpointBeyondTheTreeOrSignedByAnotherKeyIsInvalid() {
        assertThat(check(EVENTS.subList(0, 15), LEAVES.subList(0, 15), checkpoints(LEAVES, 8, 20)).finding())
                .contains("covers 20 entries but the tree records only 15");
        var other = new CheckpointSigner(SigningKeys.generate())
                .sign(Checkpoint.of(8, MerkleTree.root(LEAVES.subList(0, 8)), Instant.now()));
        assertThat(check(EVENTS, LEAVES, List.of(other)).finding()).contains("which the key history does not announce");
        var forged = new SignedCheckpoint(other.checkpoint(), SIGNER.keyId(), other.signature());
        assertThat(check(EVENTS, LEAVES, List.of(forged)).finding()).contains("is not signed by key " + SIGNER.keyId());
    }
}
