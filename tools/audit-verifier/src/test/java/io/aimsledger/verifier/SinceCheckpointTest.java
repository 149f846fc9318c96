package io.aimsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.CheckpointSigner;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.SignedCheckpoint;
import io.aimsledger.transparency.SigningKeys;

/**
 * {@code --since}: the checkpoint an auditor kept from an earlier audit, checked against a later export:
 * its tree must be a prefix of the export's, proven by a consistency proof from its size.
 */
class SinceCheckpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private String output;

    @Test
    void aCheckpointKeptFromBeforeIsExtendedByALaterExport() throws IOException {
        var export = new ExportFixture(ExportFixture.events(5), List.of(1, 3));

        assertThat(verify(export, keptCheckpoint(export, 3))).as(output).isZero();
        assertThat(output).contains("your checkpoint of 3 entries").contains("extends it (consistency proof)");
    }

    @Test
    void aForkedHistoryIsFoundThoughEachTreeIsSignedByTheTrustedKey() throws IOException {
        var export = new ExportFixture(ExportFixture.events(5), List.of(1, 3));
        // What the auditor was shown last year: three entries, signed, but not the three this export begins with.
        SignedCheckpoint forked = new CheckpointSigner(export.keys).sign(Checkpoint.of(3,
                MerkleHashes.leaf("another history".getBytes(StandardCharsets.UTF_8)), Instant.parse("2026-10-01T00:00:03Z")));

        assertThat(verify(export, write(forked))).isEqualTo(1);
        assertThat(output).contains("does not extend your checkpoint of 3 entries");
    }

    @Test
    void aCheckpointNotSignedByTheTrustedKeyIsRefused() throws IOException {
        var export = new ExportFixture(ExportFixture.events(5), List.of(1, 3));
        SignedCheckpoint other = new CheckpointSigner(SigningKeys.generate()).sign(Checkpoint.of(3,
                MerkleHashes.empty(), Instant.parse("2026-10-01T00:00:03Z")));

        assertThat(verify(export, write(other))).isEqualTo(1);
        assertThat(output).contains("your checkpoint of 3 entries").contains("which the key history does not announce");
    }

    @Test
    void anExportWithoutAProofFromTheKeptSizeSaysHowToAskForOne() throws IOException {
        var export = new ExportFixture(ExportFixture.events(5), List.of(1, 3));

        assertThat(verify(export, keptCheckpoint(export, 2))).isEqualTo(1);
        assertThat(output).contains("take the export with ?from=2");
    }

    /** The checkpoint of that size the export's key signed, as the auditor kept it (checkpoint.json). */
    private Path keptCheckpoint(ExportFixture export, int size) throws IOException {
        var leaves = ExportFixture.events(5).stream().map(event -> MerkleHashes.leaf(
                io.aimsledger.transparency.CanonicalJson.canonicalize(event))).toList();
        return write(new CheckpointSigner(export.keys).sign(Checkpoint.of(size,
                io.aimsledger.transparency.MerkleTree.root(leaves.subList(0, size)), Instant.parse("2026-10-01T00:00:00Z"))));
    }

    private Path write(SignedCheckpoint checkpoint) throws IOException {
        return Files.writeString(folder.resolve("kept-" + System.nanoTime() + ".json"),
                JSON.writeValueAsString(checkpoint.fields()));
    }

    private int verify(ExportFixture export, Path kept) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int status = AuditVerifier.run(new String[] {"verify", export.write(folder).toString(), "--public-key",
                export.publicKey(folder).toString(), "--since", kept.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }
}
