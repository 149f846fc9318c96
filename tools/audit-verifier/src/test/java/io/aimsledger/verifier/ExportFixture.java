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
import io.aimsledger.transparency.KeyAnnouncement;
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

    /** The signing keys, oldest first; {@link #keys} is the current one. */
    final List<KeyPair> history = new ArrayList<>();
    final KeyPair keys;
    final Map<String, String> files = new LinkedHashMap<>();
    private final List<Integer> handOvers;
    private final int preTree;
    private int declaredPreTree;
    private String asOf = "2026-11-01T00:00:00Z";
    private String knownAt = "2026-11-01T00:00:00Z";

    /** An export of {@code events} (JSON texts), with a checkpoint at every size in {@code checkpointSizes}. */
    ExportFixture(List<String> events, List<Integer> checkpointSizes) throws IOException {
        this(events, null, checkpointSizes);
    }

    /** The same, each entry saying when the log recorded it ({@code recordedAt}, or null as exports before it did). */
    ExportFixture(List<String> events, List<Instant> recordedAt, List<Integer> checkpointSizes) throws IOException {
        this(events, recordedAt, checkpointSizes, List.of(), 0);
    }

    /**
     * The most general export: a new key takes over at each tree size of {@code handOvers}, handed over by
     * the key before it, and the first {@code preTree} events were logged before the tree existed.
     */
    ExportFixture(List<String> events, List<Instant> recordedAt, List<Integer> checkpointSizes, List<Integer> handOvers,
                  int preTree) throws IOException {
        this.handOvers = handOvers;
        this.preTree = preTree;
        this.declaredPreTree = preTree;
        for (int i = 0; i <= handOvers.size(); i++) {
            history.add(SigningKeys.generate());
        }
        keys = history.getLast();
        List<byte[]> leaves = new ArrayList<>();
        StringBuilder entries = new StringBuilder();
        StringBuilder leafRows = new StringBuilder("leafIndex,seq,leafHash\n");
        for (int i = 0; i < events.size(); i++) {
            String canonical = new String(CanonicalJson.canonicalize(events.get(i)), StandardCharsets.UTF_8);
            long seq = i + 1;
            String recorded = recordedAt == null ? "" : ",\"recordedAt\":\"" + recordedAt.get(i) + "\"";
            entries.append(JsonLines.line("{\"seq\":" + seq + recorded + ",\"event\":" + canonical + "}")).append('\n');
            if (i >= preTree) {
                byte[] leaf = MerkleHashes.leaf(canonical.getBytes(StandardCharsets.UTF_8));
                leafRows.append(leaves.size()).append(',').append(seq).append(',').append(MerkleHashes.hex(leaf))
                        .append('\n');
                leaves.add(leaf);
            }
        }
        int size = leaves.size();
        SignedCheckpoint head = signer(size).sign(Checkpoint.of(size, MerkleTree.root(leaves),
                Instant.parse("2026-11-01T00:00:00Z")));
        StringBuilder checkpoints = new StringBuilder();
        StringBuilder consistency = new StringBuilder();
        for (int earlier : checkpointSizes) {
            SignedCheckpoint checkpoint = signer(earlier).sign(Checkpoint.of(earlier,
                    MerkleTree.root(leaves.subList(0, earlier)), Instant.parse("2026-10-01T00:00:00Z").plusSeconds(earlier)));
            checkpoints.append(JSON.writeValueAsString(checkpoint.fields())).append('\n');
            consistency.append(JSON.writeValueAsString(Map.of("first", earlier, "second", size, "consistencyPath",
                    hex(MerkleTree.consistencyPath(leaves, earlier, size))))).append('\n');
        }
        checkpoints.append(JSON.writeValueAsString(head.fields())).append('\n');
        StringBuilder inclusion = new StringBuilder();
        for (int i = 0; i < size; i++) {
            inclusion.append(JSON.writeValueAsString(Map.of("eventId",
                    JSON.readTree(events.get(preTree + i)).path("id").asText(),
                    "leafIndex", i, "treeSize", size, "leafHash", MerkleHashes.hex(leaves.get(i)),
                    "auditPath", hex(MerkleTree.inclusionPath(leaves, i, size))))).append('\n');
        }
        files.put("README.md", "test export\n");
        files.put("keys.json", JSON.writeValueAsString(announcements()));
        files.put("checkpoint.json", JSON.writeValueAsString(head.fields()));
        files.put("checkpoints.jsonl", checkpoints.toString());
        files.put("state.json", "{\"aiSystems\":[]}");
        files.put("log/leaves.csv", leafRows.toString());
        files.put("log/entries.jsonl", entries.toString());
        files.put("proofs/inclusion.jsonl", inclusion.toString());
        files.put("proofs/consistency.jsonl", consistency.toString());
        seal();
    }

    /** The key current for a checkpoint of {@code size} entries (the later one at a hand-over's size). */
    private CheckpointSigner signer(int size) {
        int current = 0;
        while (current < handOvers.size() && handOvers.get(current) <= size) {
            current++;
        }
        return new CheckpointSigner(history.get(current));
    }

    private List<Map<String, Object>> announcements() {
        Instant from = Instant.parse("2026-09-01T00:00:00Z");
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(KeyAnnouncement.first(history.getFirst().getPublic(), from).fields());
        for (int i = 0; i < handOvers.size(); i++) {
            keys.add(KeyAnnouncement.handedOver(history.get(i), history.get(i + 1).getPublic(), handOvers.get(i),
                    from.plusSeconds(i + 1)).fields());
        }
        return keys;
    }

    /** The manifest saying that {@code count} entries are from before the tree. */
    ExportFixture declaring(int count) throws IOException {
        declaredPreTree = count;
        return seal();
    }

    /** The export as a release before key histories wrote it: only the one key, as public-key.pem. */
    ExportFixture withOnlyThePublicKey() throws IOException {
        files.remove("keys.json");
        files.put("public-key.pem", SigningKeys.publicPem(keys.getPublic()));
        return seal();
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
                "asOf", asOf, "knownAt", knownAt, "preTreeEntries", declaredPreTree, ExportManifest.FILES, hashes)));
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
        return publicKey(folder, keys);
    }

    static Path publicKey(Path folder, KeyPair key) throws IOException {
        return Files.writeString(folder.resolve("key-" + SigningKeys.keyId(key.getPublic()) + ".pem"),
                SigningKeys.publicPem(key.getPublic()));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHashes::hex).toList();
    }
}
