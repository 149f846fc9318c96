package io.aimsledger.verifier;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.transparency.CanonicalJson;
import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.CheckpointSigner;
import io.aimsledger.transparency.ExportManifest;
import io.aimsledger.transparency.JsonLines;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.MerkleTree;
import io.aimsledger.transparency.SignedCheckpoint;
import io.aimsledger.transparency.SigningKeys;

/**
 * A genuine export in the format the audit projection writes, built from given events with the same
 * hashing and signing code, so that the verifier's tests can take one apart and change it.
 */
final class ExportFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    final KeyPair keys = SigningKeys.generate();
    final Map<String, String> files = new LinkedHashMap<>();
    private String asOf = "2026-11-01T00:00:00Z";
    private String knownAt = "2026-11-01T00:00:00Z";

    /** An export of {@code events} (JSON texts), with a checkpoint at every size in {@code checkpointSizes}. */
    ExportFixture(List<String> events, List<Integer> checkpointSizes) throws IOException {
        this(events, null, checkpointSizes);
    }

    /** The same, each entry saying when the log recorded it ({@code recordedAt}, or null as exports before it did). */
    ExportFixture(List<String> events, List<Instant> recordedAt, List<Integer> checkpointSizes) throws IOException {
        var signer = new CheckpointSigner(keys);
        List<byte[]> leaves = new ArrayList<>();
        StringBuilder entries = new StringBuilder();
        StringBuilder leafRows = new StringBuilder("leafIndex,seq,leafHash\n");
        for (int i = 0; i < events.size(); i++) {
            String canonical = new String(CanonicalJson.canonicalize(events.get(i)), StandardCharsets.UTF_8);
            byte[] leaf = MerkleHashes.leaf(canonical.getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            long seq = i + 1;
            String recorded = recordedAt == null ? "" : ",\"recordedAt\":\"" + recordedAt.get(i) + "\"";
            entries.append(JsonLines.line("{\"seq\":" + seq + recorded + ",\"event\":" + canonical + "}")).append('\n');
            leafRows.append(i).append(',').append(seq).append(',').append(MerkleHashes.hex(leaf)).append('\n');
        }
        int size = events.size();
        SignedCheckpoint head = signer.sign(Checkpoint.of(size, MerkleTree.root(leaves), Instant.parse("2026-11-01T00:00:00Z")));
        StringBuilder checkpoints = new StringBuilder();
        StringBuilder consistency = new StringBuilder();
        for (int earlier : checkpointSizes) {
            SignedCheckpoint checkpoint = signer.sign(Checkpoint.of(earlier, MerkleTree.root(leaves.subList(0, earlier)),
                    Instant.parse("2026-10-01T00:00:00Z").plusSeconds(earlier)));
            checkpoints.append(JSON.writeValueAsString(checkpoint.fields())).append('\n');
            consistency.append(JSON.writeValueAsString(Map.of("first", earlier, "second", size, "consistencyPath",
                    hex(MerkleTree.consistencyPath(leaves, earlier, size))))).append('\n');
        }
        checkpoints.append(JSON.writeValueAsString(head.fields())).append('\n');
        StringBuilder inclusion = new StringBuilder();
        for (int i = 0; i < size; i++) {
            inclusion.append(JSON.writeValueAsString(Map.of("eventId", JSON.readTree(events.get(i)).path("id").asText(),
                    "leafIndex", i, "treeSize", size, "leafHash", MerkleHashes.hex(leaves.get(i)),
                    "auditPath", hex(MerkleTree.inclusionPath(leaves, i, size))))).append('\n');
        }
        files.put("README.md", "test export\n");
        files.put("public-key.pem", SigningKeys.publicPem(keys.getPublic()));
        files.put("checkpoint.json", JSON.writeValueAsString(head.fields()));
        files.put("checkpoints.jsonl", checkpoints.toString());
        files.put("state.json", "{\"aiSystems\":[]}");
        files.put("log/leaves.csv", leafRows.toString());
        files.put("log/entries.jsonl", entries.toString());
        files.put("proofs/inclusion.jsonl", inclusion.toString());
        files.put("proofs/consistency.jsonl", consistency.toString());
        seal();
    }

    /** Some CloudEvent-shaped events, the first holding every line separator JSON allows in a string. */
    static List<String> events(int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add("{\"specversion\":\"1.0\",\"id\":\"00000000-0000-0000-0000-" + String.format("%012d", i)
                    + "\",\"type\":\"io.aimsledger.test.v1\",\"source\":\"/test\",\"data\":{\"text\":\"line"
                    + (i == 0 ? "\u2028two\u2029three\u0085four\\r\\nfive" : " " + i) + "\"}}");
        }
        return events;
    }

    /** The export's two times, as its manifest states them. */
    ExportFixture at(Instant asOf, Instant knownAt) throws IOException {
        this.asOf = asOf.toString();
        this.knownAt = knownAt.toString();
        return seal();
    }

    /** Changes a file after export, leaving the manifest as it was. */
    ExportFixture change(String file, UnaryOperator<String> change) {
        files.put(file, change.apply(files.get(file)));
        return this;
    }

    ExportFixture remove(String file) {
        files.remove(file);
        return this;
    }

    /** The manifest as the platform writes it, for the files as they are now. */
    ExportFixture seal() throws IOException {
        files.remove(ExportManifest.FILE);
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((name, content) -> hashes.put(name,
                HexFormat.of().formatHex(ExportManifest.sha256().digest(content.getBytes(StandardCharsets.UTF_8)))));
        files.put(ExportManifest.FILE, JSON.writeValueAsString(Map.of("format", "aims-ledger-audit-export/1",
                "asOf", asOf, "knownAt", knownAt, ExportManifest.FILES, hashes)));
        return this;
    }

    Path write(Path folder) throws IOException {
        Path zip = Files.createTempFile(folder, "export", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); var archive = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                archive.putNextEntry(new ZipEntry(file.getKey()));
                archive.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return zip;
    }

    Path publicKey(Path folder) throws IOException {
        return Files.writeString(folder.resolve("key.pem"), SigningKeys.publicPem(keys.getPublic()));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHashes::hex).toList();
    }
}
