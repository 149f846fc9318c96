package io.aimsledger.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.transparency.ExportManifest;
import io.aimsledger.transparency.KeyAnnouncement;
import io.aimsledger.transparency.KeyHistory;
import io.aimsledger.transparency.LogCheck;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.MerkleProofs;
import io.aimsledger.transparency.SignedCheckpoint;
import io.aimsledger.transparency.SigningKeys;

/** Checks one export against the key the auditor trusts, writing each finding to the report. */
final class ExportVerification {

    private final ExportArchive export;
    private final Report report;

    ExportVerification(ExportArchive export, Report report) {
        this.export = export;
        this.report = report;
    }

    /**
     * {@code trustedKey} is the PEM file the auditor trusts, null to fall back on the export's own key;
     * {@code kept} is a checkpoint the auditor kept from before (its {@code checkpoint.json}), or null.
     */
    void run(Path trustedKey, Path kept) throws IOException {
        if (!manifest()) {
            return;
        }
        KeyHistory keys = keys(trustedKey);
        SignedCheckpoint head = ExportArchive.checkpoint(export.json("checkpoint.json"));
        long size = head.checkpoint().treeSize();
        String refusal = keys.refusal(head);
        report.check(refusal == null, "the checkpoint of " + size + " entries (root " + head.checkpoint().rootHash()
                + ", " + head.checkpoint().timestamp() + ") is signed by key " + head.keyId() + ", current for it", refusal);

        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        export.jsonLines("checkpoints.jsonl").forEach(node -> checkpoints.add(ExportArchive.checkpoint(node)));
        if (checkpoints.stream().noneMatch(c -> c.checkpoint().equals(head.checkpoint()))) {
            checkpoints.add(head);
        }
        List<JsonNode> inclusions = export.jsonLines("proofs/inclusion.jsonl");
        Set<Long> wantedLeaves = new HashSet<>();
        inclusions.forEach(proof -> wantedLeaves.add(proof.path("leafIndex").asLong()));

        var check = new LogCheck(checkpoints, keys);
        JsonNode manifest = export.json(ExportManifest.FILE);
        var derivation = new StateDerivation(Instant.parse(manifest.path("asOf").asText()),
                Instant.parse(manifest.path("knownAt").asText()));
        Map<Long, LogEntries.Leaf> leaves;
        try (var entries = export.lines("log/entries.jsonl"); var recorded = export.lines("log/leaves.csv")) {
            leaves = new LogEntries(manifest.path("preTreeEntries").asLong(0))
                    .feed(entries, recorded, check, derivation, wantedLeaves);
        }
        LogCheck.Result result = check.finish();
        report.figure("treeSize", size);
        report.figure("rootHash", head.checkpoint().rootHash());
        report.figure("keyId", head.keyId());
        report.figure("entriesChecked", result.checkedEntries());
        report.figure("checkpointsChecked", result.checkpointsChecked());
        report.figure("keysChecked", result.keysChecked());
        report.figure("preTreeEntries", result.preTreeEntries());
        if (result.valid()) {
            report.holds(result.checkedEntries() - result.preTreeEntries() + " entries recomputed: each is the leaf the "
                    + "tree recorded for it, and the recorded tree has the signed root at all "
                    + result.checkpointsChecked() + " checkpoints, each signed by the key current for it");
            report.holds("the key history holds: " + (keys.keys().size() == 1 ? "one key" : keys.keys().size()
                    + " keys, each handed over by the one before it (signed hand-over)"));
            if (result.preTreeEntries() > 0) {
                report.note(result.preTreeEntries() + " entries were logged before the tree existed: no leaf and no "
                        + "signature covers them, so they are shown, not proven (ADR 0009)");
            }
        } else {
            report.fails(result.finding() + (result.invalidEntries() > 1 ? " (" + result.invalidEntries()
                    + " findings in all)" : ""));
        }
        report.check(result.treeSize() == size && result.rootHash().equals(head.checkpoint().rootHash()),
                "the entries hash to the signed root " + head.checkpoint().rootHash(),
                "the " + result.treeSize() + " entries hash to root " + result.rootHash() + ", not to the signed root "
                        + head.checkpoint().rootHash() + " of " + size + " entries");

        consistency(checkpoints, head);
        if (kept != null) {
            since(ExportArchive.checkpoint(ExportArchive.JSON.readTree(Files.readString(kept))), head, keys);
        }
        inclusion(inclusions, head, leaves);
        state(derivation, manifest);
    }

    /** state.json is what the entries imply at the export's two times, entity by entity, field by field. */
    private void state(StateDerivation derivation, JsonNode manifest) throws IOException {
        if (!export.has("state.json")) {
            report.fails("the export has no state.json");
            return;
        }
        var comparison = new StateComparison(derivation.states());
        String difference;
        try (var state = export.stream("state.json")) {
            difference = comparison.firstDifference(state);
        }
        String times = "as of " + manifest.path("asOf").asText() + ", known at " + manifest.path("knownAt").asText();
        report.figure("asOf", manifest.path("asOf").asText());
        report.figure("knownAt", manifest.path("knownAt").asText());
        report.figure("entitiesDerived", comparison.compared());
        report.check(difference == null, "state.json is what the entries imply " + times + ": " + comparison.compared()
                        + " entities derived again with the published folds, equal field by field",
                "state.json is not what the entries imply " + times + ": " + difference);
        if (derivation.withoutRecordedAt() > 0) {
            report.note(derivation.withoutRecordedAt() + " entries do not say when they were recorded (an export of an "
                    + "earlier release): they were taken as known at " + manifest.path("knownAt").asText());
        }
    }

    /** Every file is the one the manifest names, and nothing is missing or added; false if there is no manifest. */
    private boolean manifest() throws IOException {
        if (!export.has(ExportManifest.FILE)) {
            report.fails("the export has no " + ExportManifest.FILE + ": it is incomplete (cut short while it was "
                    + "written?) and cannot be trusted");
            return false;
        }
        Map<String, String> named = new TreeMap<>();
        export.json(ExportManifest.FILE).path(ExportManifest.FILES).properties()
                .forEach(file -> named.put(file.getKey(), file.getValue().asText()));
        Map<String, String> present = export.hashes();
        present.remove(ExportManifest.FILE);
        for (var file : named.entrySet()) {
            String hash = present.get(file.getKey());
            if (hash == null) {
                report.fails("the manifest names " + file.getKey() + " but the export does not have it (removed?)");
            } else if (!hash.equals(file.getValue())) {
                report.fails(file.getKey() + " does not have the SHA-256 the manifest names for it (changed?)");
            }
        }
        present.keySet().stream().filter(file -> !named.containsKey(file)).forEach(file ->
                report.fails("the export has " + file + ", which its manifest does not name (added?)"));
        if (report.passed()) {
            report.holds("every one of the " + named.size() + " files is the one the manifest names");
        }
        return true;
    }

    /**
     * The export's key history ({@code keys.json}; an export of an earlier release has only
     * {@code public-key.pem}), which must hold the key the auditor trusts. Keys after it are vouched for
     * by the chain of hand-overs; keys before it need no vouching, since every checkpoint of the trusted
     * key commits to all earlier entries.
     */
    private KeyHistory keys(Path trustedKey) throws IOException {
        KeyHistory history;
        if (export.has("keys.json")) {
            List<KeyAnnouncement> keys = new ArrayList<>();
            export.json("keys.json").forEach(key -> keys.add(new KeyAnnouncement(key.path("keyId").asText(),
                    key.path("publicKey").asText(), key.path("fromTreeSize").asLong(), key.path("from").asText(),
                    key.path("handOverSignature").isTextual() ? key.path("handOverSignature").asText() : null)));
            history = KeyHistory.of(keys);
        } else {
            history = KeyHistory.single(SigningKeys.readPublic(export.text("public-key.pem")));
        }
        List<String> ids = history.keys().stream().map(KeyAnnouncement::keyId).toList();
        if (trustedKey == null) {
            report.note("no --public-key given: trusting the key history inside the export (keys " + String.join(", ", ids)
                    + "); pass a key you obtained from the platform's operator to rule out a forged export");
            return history;
        }
        PublicKey trusted = SigningKeys.readPublic(Files.readString(trustedKey));
        String trustedId = SigningKeys.keyId(trusted);
        boolean held = history.keys().stream().anyMatch(key -> key.keyId().equals(trustedId)
                && SigningKeys.publicPem(trusted).equals(SigningKeys.publicPem(key.key())));
        report.check(held, "the export's key history (" + String.join(", ", ids) + ") holds the key you trust ("
                + trustedId + ")", "the key you trust (" + trustedId + ") is not in the export's key history ("
                + String.join(", ", ids) + ")");
        return history;
    }

    private void consistency(List<SignedCheckpoint> checkpoints, SignedCheckpoint head) throws IOException {
        Map<Long, byte[]> roots = new HashMap<>();
        checkpoints.forEach(c -> roots.put(c.checkpoint().treeSize(), c.checkpoint().root()));
        int verified = 0;
        for (JsonNode proof : export.jsonLines("proofs/consistency.jsonl")) {
            long first = proof.path("first").asLong();
            byte[] firstRoot = roots.get(first);
            if (firstRoot == null) {
                continue; // from a size the auditor asked for (?from=): checked against their checkpoint, --since
            }
            if (!consistent(proof, firstRoot, head)) {
                report.fails("the consistency proof from the checkpoint of " + first + " entries to "
                        + proof.path("second").asLong() + " does not verify: that tree is not a prefix of this one");
                return;
            }
            verified++;
        }
        if (verified == 0) {
            report.note("no earlier non-empty checkpoint in this export, so no consistency proof to check");
        } else {
            report.holds(verified + " consistency proofs: every earlier checkpoint's tree is a prefix of this one");
        }
    }

    /** The checkpoint the auditor kept is signed by the key they trust, and this export's tree extends its tree. */
    private void since(SignedCheckpoint kept, SignedCheckpoint head, KeyHistory keys) throws IOException {
        long size = kept.checkpoint().treeSize();
        String yours = "your checkpoint of " + size + " entries (root " + kept.checkpoint().rootHash() + ", "
                + kept.checkpoint().timestamp() + ")";
        String refusal = keys.refusal(kept);
        if (refusal != null) {
            report.fails(yours + " does not verify: " + refusal);
            return;
        }
        long exported = head.checkpoint().treeSize();
        if (size > exported) {
            report.fails(yours + " is newer than this export of " + exported + " entries");
            return;
        }
        if (size == exported) {
            report.check(MessageDigest.isEqual(kept.checkpoint().root(), head.checkpoint().root()),
                    yours + " is this export's tree", yours + " has another root than this export's tree of the same size");
            return;
        }
        JsonNode proof = null;
        for (JsonNode candidate : export.jsonLines("proofs/consistency.jsonl")) {
            if (candidate.path("first").asLong() == size) {
                proof = candidate;
            }
        }
        if (proof == null) {
            report.fails("the export has no consistency proof from " + yours + ": take the export with ?from=" + size);
            return;
        }
        report.check(consistent(proof, kept.checkpoint().root(), head),
                yours + " is signed by key " + kept.keyId() + ", and this export's tree of " + exported
                        + " entries extends it (consistency proof)",
                "this export's tree of " + exported + " entries does not extend " + yours
                        + ": the log you were shown then is not a prefix of this one");
    }

    private static boolean consistent(JsonNode proof, byte[] firstRoot, SignedCheckpoint head) {
        return proof.path("second").asLong() == head.checkpoint().treeSize()
                && MerkleProofs.verifyConsistency(proof.path("first").asLong(), head.checkpoint().treeSize(), firstRoot,
                head.checkpoint().root(), hashes(proof.path("consistencyPath")));
    }

    private void inclusion(List<JsonNode> proofs, SignedCheckpoint head, Map<Long, LogEntries.Leaf> leaves) {
        int verified = 0;
        for (JsonNode proof : proofs) {
            long index = proof.path("leafIndex").asLong();
            String eventId = proof.path("eventId").asText();
            byte[] leafHash = MerkleHashes.fromHex(proof.path("leafHash").asText());
            LogEntries.Leaf leaf = leaves.get(index);
            boolean holds = proof.path("treeSize").asLong() == head.checkpoint().treeSize()
                    && MerkleProofs.verifyInclusion(index, head.checkpoint().treeSize(), leafHash,
                    hashes(proof.path("auditPath")), head.checkpoint().root())
                    && leaf != null && MerkleHashes.hex(leaf.hash()).equals(MerkleHashes.hex(leafHash))
                    && leaf.event() != null && eventId.equals(eventId(leaf.event()));
            if (!holds) {
                report.fails("the inclusion proof of event " + eventId + " (leaf " + index + ") does not verify against "
                        + "the signed root, or that leaf is not that event");
                return;
            }
            verified++;
        }
        report.holds(verified + " inclusion proofs: the events the state comes from are in the signed tree");
    }

    private static String eventId(String event) {
        try {
            return ExportArchive.JSON.readTree(event).path("id").asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static List<byte[]> hashes(JsonNode hexes) {
        List<byte[]> out = new ArrayList<>();
        hexes.forEach(h -> out.add(MerkleHashes.fromHex(h.asText())));
        return out;
    }
}
