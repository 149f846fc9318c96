package io.aimsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code --json}: the same verdict and findings, with the figures checked, as one JSON document. */
class JsonReportTest {

    @TempDir
    Path folder;

    @Test
    void aGenuineExportIsReportedVerifiedWithWhatWasChecked() throws IOException {
        var export = new ExportFixture(ExportFixture.events(5), List.of(1, 3));

        JsonNode report = verify(export, 0);

        assertThat(report.path("result").asText()).isEqualTo("VERIFIED");
        assertThat(report.path("firstFailure").isNull()).isTrue();
        assertThat(report.path("treeSize").asLong()).isEqualTo(5);
        assertThat(report.path("entriesChecked").asLong()).isEqualTo(5);
        assertThat(report.path("checkpointsChecked").asLong()).isEqualTo(3);
        assertThat(report.path("keyId").asText()).isNotBlank();
        assertThat(report.path("findings").findValuesAsText("status")).contains("OK").doesNotContain("FAIL");
    }

    @Test
    void aTamperedExportIsReportedWithItsFirstFailure() throws IOException {
        var export = new ExportFixture(ExportFixture.events(5), List.of(1, 3))
                .change("log/entries.jsonl", entries -> entries.replace("line 3", "line 9")).seal();

        JsonNode report = verify(export, 1);

        assertThat(report.path("result").asText()).isEqualTo("NOT_VERIFIED");
        assertThat(report.path("firstFailure").asText()).contains("entry seq 4");
    }

    private JsonNode verify(ExportFixture export, int expectedStatus) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int status = AuditVerifier.run(new String[] {"verify", export.write(folder).toString(), "--json", "--public-key",
                export.publicKey(folder).toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isEqualTo(expectedStatus);
        return new ObjectMapper().readTree(output);
    }
}
