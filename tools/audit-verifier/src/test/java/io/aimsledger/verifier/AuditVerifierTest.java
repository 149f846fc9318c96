package io.aimsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aimsledger.transparency.SigningKeys;

/** The verifier on exports built here: a genuine one holds, and each kind of tampering is named. */
class AuditVerifierTest {

    @TempDir
    Path folder;

    private String output;

    @Test
    void aGenuineExportWithLineSeparatorsInItsTextVerifies() throws IOException {
        var export = new ExportFixture(ExportFixture.events(5), List.of(1, 3));

        assertThat(verify(export)).as(output).isZero();
        assertThat(output).contains("5 entries recomputed").contains("2 consistency proofs").contains("5 inclusion proofs");
    }

    @Test
    void anExportOfAnEarlierReleaseWithRawLineSeparatorsVerifies() throws IOException {
        var export = new ExportFixture(ExportFixture.events(3), List.of(1))
                .change("log/entries.jsonl", entries -> entries.replace("\\u2028", "\u2028")
                        .replace("\\u2029", "\u2029").replace("\\u0085", "\u0085"))
                .seal();
        assertThat(export.files.get("log/entries.jsonl")).contains("\u2028");

        assertThat(verify(export)).as(output).isZero();
    }

    @Test
    void aChangedEntryIsFound() throws IOException {
        var export = new ExportFixture(ExportFixture.events(5), List.of(1, 3))
                .change("log/entries.jsonl", entries -> entries.replace("line 3", "line 9"));

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("entry seq 4").contains("does not hash to the leaf");
    }

    @Test
    void aChangedEntryWhoseTextHadLineSeparatorsIsFound() throws IOException {
        var export = new ExportFixture(ExportFixture.events(3), List.of(1))
                .change("log/entries.jsonl", entries -> entries.replace("three", "tree"));

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("entry seq 1").contains("does not hash to the leaf");
    }

    @Test
    void aRemovedInclusionProofIsFound() throws IOException {
        var export = new ExportFixture(ExportFixture.events(4), List.of(2))
                .change("proofs/inclusion.jsonl", proofs -> proofs.substring(proofs.indexOf('\n') + 1));

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("proofs/inclusion.jsonl does not have the SHA-256 the manifest names");
    }

    @Test
    void aChangedInclusionProofIsFoundEvenWithAManifestMadeAnew() throws IOException {
        var export = new ExportFixture(ExportFixture.events(4), List.of(2))
                .change("proofs/inclusion.jsonl", proofs -> proofs.replaceFirst("\"auditPath\":\\[\"[0-9a-f]{2}",
                        "\"auditPath\":[\"00"))
                .seal();

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("the inclusion proof of event");
    }

    @Test
    void anExportWithoutItsManifestIsRefused() throws IOException {
        var export = new ExportFixture(ExportFixture.events(2), List.of(1)).remove("manifest.json");

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("the export has no manifest.json");
    }

    @Test
    void aFileTheManifestDoesNotNameIsFound() throws IOException {
        var export = new ExportFixture(ExportFixture.events(2), List.of(1));
        export.files.put("extra.txt", "added later");

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("extra.txt, which its manifest does not name");
    }

    @Test
    void aRemovedConsistencyProofFileIsFound() throws IOException {
        var export = new ExportFixture(ExportFixture.events(4), List.of(2)).remove("proofs/consistency.jsonl");

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("the manifest names proofs/consistency.jsonl but the export does not have it");
    }

    @Test
    void aBrokenConsistencyProofIsFound() throws IOException {
        var export = new ExportFixture(ExportFixture.events(6), List.of(3))
                .change("proofs/consistency.jsonl", proofs -> proofs.replaceFirst("\"consistencyPath\":\\[\"[0-9a-f]{2}",
                        "\"consistencyPath\":[\"ff"))
                .seal();

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("consistency proof from the checkpoint of 3 entries");
    }

    @Test
    void anEntryLineThatIsNotJsonIsRefusedByName() throws IOException {
        var export = new ExportFixture(ExportFixture.events(2), List.of(1))
                .change("log/entries.jsonl", entries -> entries.replace("{\"seq\":2,", "{\"seq\":2,,"));

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("log/entries.jsonl has a line that is not");
    }

    @Test
    void anEntryWithADuplicateMemberIsRefused() throws IOException {
        var export = new ExportFixture(ExportFixture.events(2), List.of(1))
                .change("log/entries.jsonl", entries -> entries.replace("{\"seq\":2,", "{\"seq\":2,\"seq\":1,"));

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("log/entries.jsonl has a line that is not");
    }

    @Test
    void anotherKeyThanTheTrustedOneIsRefused() throws IOException {
        var export = new ExportFixture(ExportFixture.events(2), List.of(1));
        var other = new ExportFixture(ExportFixture.events(2), List.of(1));
        Path zip = export.write(folder);
        Path otherKey = Files.writeString(folder.resolve("other.pem"), SigningKeys.publicPem(other.keys.getPublic()));

        assertThat(run("verify", zip.toString(), "--public-key", otherKey.toString())).isEqualTo(1);
        assertThat(output).contains("is not in the export's key history");
    }

    @Test
    void anExportOfAnEarlierReleaseWithOnlyItsPublicKeyVerifies() throws IOException {
        var export = new ExportFixture(ExportFixture.events(4), List.of(2)).withOnlyThePublicKey();

        assertThat(verify(export)).as(output).isZero();
        assertThat(output).contains("the key history holds: one key");
    }

    @Test
    void entriesFromBeforeTheTreeAreShownApartAndNotAsProven() throws IOException {
        var export = new ExportFixture(ExportFixture.events(6), null, List.of(1, 3), List.of(), 2);

        assertThat(verify(export)).as(output).isZero();
        assertThat(output).contains("4 entries recomputed")
                .contains("2 entries were logged before the tree existed: no leaf and no signature covers them");
    }

    @Test
    void anEntryWithoutALeafIsFoundUnlessTheExportDeclaresItFromBeforeTheTree() throws IOException {
        var export = new ExportFixture(ExportFixture.events(6), null, List.of(1, 3), List.of(), 2).declaring(1);

        assertThat(verify(export)).isEqualTo(1);
        assertThat(output).contains("entry seq 2 is in the log but the tree never recorded it");
    }

    private int verify(ExportFixture export) throws IOException {
        return run("verify", export.write(folder).toString(), "--public-key", export.publicKey(folder).toString());
    }

    private int run(String... args) {
        var bytes = new ByteArrayOutputStream();
        int status = AuditVerifier.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }
}
