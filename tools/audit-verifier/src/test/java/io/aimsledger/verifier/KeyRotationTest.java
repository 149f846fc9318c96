package io.aimsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.transparency.CanonicalJson;
import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.CheckpointSigner;
import io.aimsledger.transparency.KeyAnnouncement;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.MerkleTree;
import io.aimsledger.transparency.SigningKeys;

/** Offline, across two key rotations: each checkpoint against the key current for it, the chain of keys itself. */
class KeyRotationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVENTS = ExportFixture.events(10);

    @TempDir
    Path folder;

    private String output;

    /** Keys take over at 4 and at 7 entries; checkpoints on both sides of each hand-over. */
    private static ExportFixture rotatedTwice() throws IOException {
        return new ExportFixture(EVENTS, null, List.of(2, 4, 6, 7, 9), List.of(4, 7), 0);
    }

    @Test
    void everyCheckpointVerifiesWhicheverKeyOfTheHistoryTheAuditorTrusts() throws IOException {
        var export = rotatedTwice();

        for (KeyPair trusted : export.history) {
            assertThat(verify(export, trusted)).as(output).isZero();
            assertThat(output).contains("the key history holds: 3 keys, each handed over by the one before it")
                    .contains("all 6 checkpoints, each signed by the key current for it");
        }
    }

    @Test
    void aCheckpointSignedWithAnUnannouncedKeyIsRefused() throws IOException {
        var export = rotatedTwice();
        KeyPair stranger = SigningKeys.generate();
        var leaves = EVENTS.stream().map(event -> MerkleHashes.leaf(CanonicalJson.canonicalize(event))).toList();
        var forged = new CheckpointSigner(stranger).sign(Checkpoint.of(6, MerkleTree.root(leaves.subList(0, 6)),
                Instant.parse("2026-10-01T00:00:06Z")));
        String line = JSON.writeValueAsString(forged.fields());
        export.change("checkpoints.jsonl", lines -> lines.lines()
                .map(checkpoint -> checkpoint.contains("\"treeSize\":6,") ? line : checkpoint)
                .reduce("", (all, next) -> all + next + "\n")).seal();

        assertThat(verify(export, export.keys)).isEqualTo(1);
        assertThat(output).contains("the checkpoint of 6 entries is signed by key " + SigningKeys.keyId(stranger.getPublic())
                + ", which the key history does not announce");
    }

    @Test
    void aRetiredKeyCannotSignTheHead() throws IOException {
        var export = rotatedTwice();
        var leaves = EVENTS.stream().map(event -> MerkleHashes.leaf(CanonicalJson.canonicalize(event))).toList();
        var byRetired = new CheckpointSigner(export.history.getFirst()).sign(Checkpoint.of(10, MerkleTree.root(leaves),
                Instant.parse("2026-11-01T00:00:00Z")));
        export.change("checkpoint.json", ignored -> write(byRetired.fields())).seal();

        assertThat(verify(export, export.history.getFirst())).isEqualTo(1);
        assertThat(output).contains("which signs only trees of 0 to 4 entries");
    }

    @Test
    void aHandOverNotSignedByTheKeyBeforeBreaksTheChain() throws IOException {
        var export = rotatedTwice();
        KeyPair stranger = SigningKeys.generate();
        String forgedSecond = write(KeyAnnouncement.handedOver(stranger, export.history.get(1).getPublic(), 4,
                Instant.parse("2026-09-01T00:00:01Z")).fields());
        export.change("keys.json", keys -> {
            try {
                var array = (com.fasterxml.jackson.databind.node.ArrayNode) JSON.readTree(keys);
                array.set(1, JSON.readTree(forgedSecond));
                return JSON.writeValueAsString(array);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).seal();

        assertThat(verify(export, export.history.getFirst())).isEqualTo(1);
        assertThat(output).contains("the hand-over to key " + SigningKeys.keyId(export.history.get(1).getPublic())
                + " is not signed by the key before it");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int verify(ExportFixture export, KeyPair trusted) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int status = AuditVerifier.run(new String[] {"verify", export.write(folder).toString(), "--public-key",
                ExportFixture.publicKey(folder, trusted).toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }
}
