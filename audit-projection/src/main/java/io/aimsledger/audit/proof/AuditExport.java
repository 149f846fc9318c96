package io.aimsledger.audit.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.audit.history.StateDocument;
import io.aimsledger.audit.log.MerkleLog;
import io.aimsledger.audit.log.Snapshots;
import io.aimsledger.transparency.CanonicalJson;
import io.aimsledger.transparency.ExportManifest;
import io.aimsledger.transparency.KeyAnnouncement;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.SignedCheckpoint;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The zip an auditor takes away (see the README written into it): the state as of an instant, every log
 * entry under a checkpoint signed at export time, the tree's leaves, the checkpoints, proofs and the
 * key history. Everything is read in one snapshot and written as it is read, a few thousand rows at a
 * time, so neither the size of the log nor the size of the state costs memory.
 */
@ApplicationScoped
public class AuditExport {

    public static final String FORMAT = "aims-ledger-audit-export/1";
    /** Consistency proofs are included from at most this many of the latest earlier checkpoints. */
    static final int CONSISTENCY_PROOFS = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PROOFS_AT_ONCE = 500;

    /**
     * What is fixed before streaming starts: the two times, the covering checkpoint, whether ingest was
     * complete, and the tree size of a checkpoint the auditor kept (null if none), to prove consistency from.
     */
    public record Plan(Instant asOf, Instant knownAt, Instant exportedAt, SignedCheckpoint checkpoint, boolean complete,
                       Long since) {
    }

    private final DataSource dataSource;
    private final MerkleLog tree;
    private final Pool pool;
    private final ObjectMapper json;

    public AuditExport(DataSource dataSource, MerkleLog tree, Pool pool, ObjectMapper json) {
        this.dataSource = dataSource;
        this.tree = tree;
        this.pool = pool;
        this.json = json;
    }

    public void write(Plan requested, OutputStream out) throws IOException, SQLException {
        long size = requested.checkpoint().checkpoint().treeSize();
        try (var zip = new HashedZip(out); Connection snapshot = Snapshots.open(dataSource)) {
            Plan plan = coveredByTheCheckpoint(snapshot, requested, size);
            zip.put("README.md", readme(plan));
            zip.put("keys.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(
                    KeyHistoryLog.read(snapshot).keys().stream().map(KeyAnnouncement::fields).toList()));
            zip.put("checkpoint.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(plan.checkpoint().fields()));
            List<SignedCheckpoint> checkpoints = LogVerifier.checkpoints(snapshot).stream()
                    .filter(c -> c.checkpoint().treeSize() <= size).toList();
            zip.begin("checkpoints.jsonl");
            for (SignedCheckpoint checkpoint : checkpoints) {
                zip.line(json.writeValueAsString(checkpoint.fields()));
            }
            try (JsonGenerator state = json.createGenerator(zip.stream("state.json"))) {
                StateDocument.write(snapshot, plan.asOf(), plan.knownAt(), plan.complete(), state);
            }
            long lastSeq = leaves(snapshot, zip, size);
            entries(snapshot, zip, lastSeq);
            long preTree = preTreeEntries(snapshot, lastSeq);
            inclusionProofs(snapshot, zip, plan, size);
            consistencyProofs(zip, checkpoints, plan.since(), size);
            snapshot.commit();
            // Last, so that an export cut short has none and the verifier refuses it.
            zip.put(ExportManifest.FILE, json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest(plan, preTree, zip)));
        }
    }

    /**
     * The plan as known at no later than when the log recorded the last entry the checkpoint covers: the
     * snapshot may already hold entries committed after the checkpoint was signed, which the export
     * does not carry, so the state must not come from them either (entries are recorded in seq order).
     */
    private static Plan coveredByTheCheckpoint(Connection snapshot, Plan plan, long size) throws SQLException {
        Instant lastRecorded = Instant.EPOCH;
        try (PreparedStatement statement = snapshot.prepareStatement("""
                select a.recorded_at from merkle_leaf l join audit_log a on a.seq = l.seq where l.leaf_index = ?""")) {
            statement.setLong(1, size - 1);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    lastRecorded = rows.getObject(1, OffsetDateTime.class).toInstant();
                }
            }
        }
        return plan.knownAt().isAfter(lastRecorded) ? new Plan(plan.asOf(), lastRecorded, plan.exportedAt(),
                plan.checkpoint(), plan.complete(), plan.since()) : plan;
    }

    /** {@code log/leaves.csv}: the tree as recorded; answers the seq of its last leaf. */
    private static long leaves(Connection snapshot, HashedZip zip, long size) throws SQLException, IOException {
        zip.begin("log/leaves.csv");
        zip.line("leafIndex,seq,leafHash");
        long lastSeq = 0;
        try (PreparedStatement statement = snapshot.prepareStatement("""
                select l.leaf_index, l.seq, n.hash from merkle_leaf l
                join merkle_node n on n.level = 0 and n.node_index = l.leaf_index
                where l.leaf_index < ? order by l.leaf_index""")) {
            statement.setLong(1, size);
            statement.setFetchSize(5_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lastSeq = rows.getLong(2);
                    zip.line(rows.getLong(1) + "," + lastSeq + "," + MerkleHashes.hex(rows.getBytes(3)));
                }
            }
        }
        return lastSeq;
    }

    /**
     * {@code log/entries.jsonl}: every row of the log up to that leaf, when it was recorded (which the
     * verifier needs to derive the state as known at {@code knownAt}) and its CloudEvent in canonical form.
     */
    private void entries(Connection snapshot, HashedZip zip, long lastSeq) throws SQLException, IOException {
        zip.begin("log/entries.jsonl");
        try (PreparedStatement statement = snapshot.prepareStatement(
                "select seq, cloud_event, recorded_at from audit_log where seq <= ? order by seq")) {
            statement.setLong(1, lastSeq);
            statement.setFetchSize(2_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String event = rows.getString(2);
                    String canonical;
                    try {
                        canonical = new String(CanonicalJson.canonicalize(event), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        // shown as it is, for the verifier to report
                        canonical = json.writeValueAsString(event);
                    }
                    Instant recordedAt = rows.getObject(3, OffsetDateTime.class).toInstant();
                    zip.line("{\"seq\":" + rows.getLong(1) + ",\"recordedAt\":\"" + recordedAt + "\",\"event\":"
                            + canonical + "}");
                }
            }
        }
    }

    /** {@code proofs/inclusion.jsonl}: for each entity in the state, the event its version came from. */
    private void inclusionProofs(Connection snapshot, HashedZip zip, Plan plan, long size)
            throws SQLException, IOException {
        zip.begin("proofs/inclusion.jsonl");
        try (PreparedStatement statement = snapshot.prepareStatement("""
                select distinct v.event_id, l.leaf_index, n.hash from entity_version v
                join merkle_leaf l on l.seq = v.event_seq
                join merkle_node n on n.level = 0 and n.node_index = l.leaf_index
                where tstzrange(v.valid_from, v.valid_to) @> ? and tstzrange(v.recorded_from, v.recorded_to) @> ?
                  and l.leaf_index < ?
                order by l.leaf_index""")) {
            statement.setObject(1, OffsetDateTime.ofInstant(plan.asOf(), ZoneOffset.UTC));
            statement.setObject(2, OffsetDateTime.ofInstant(plan.knownAt(), ZoneOffset.UTC));
            statement.setLong(3, size);
            statement.setFetchSize(PROOFS_AT_ONCE);
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> chunk = new ArrayList<>(PROOFS_AT_ONCE);
                while (rows.next()) {
                    Map<String, Object> proof = new LinkedHashMap<>();
                    proof.put("eventId", rows.getString(1));
                    proof.put("leafIndex", rows.getLong(2));
                    proof.put("treeSize", size);
                    proof.put("leafHash", MerkleHashes.hex(rows.getBytes(3)));
                    chunk.add(proof);
                    if (chunk.size() == PROOFS_AT_ONCE) {
                        writeInclusionProofs(zip, chunk, size);
                        chunk.clear();
                    }
                }
                writeInclusionProofs(zip, chunk, size);
            }
        }
    }

    /** The audit paths of a chunk of leaves, with one read of the tree. */
    private void writeInclusionProofs(HashedZip zip, List<Map<String, Object>> chunk, long size) throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        List<List<byte[]>> paths = tree.inclusionPaths(pool, chunk.stream().map(p -> (Long) p.get("leafIndex")).toList(),
                size).await().atMost(WAIT);
        for (int i = 0; i < chunk.size(); i++) {
            chunk.get(i).put("auditPath", paths.get(i).stream().map(MerkleHashes::hex).toList());
            zip.line(json.writeValueAsString(chunk.get(i)));
        }
    }

    /**
     * {@code proofs/consistency.jsonl}: the trees of the latest earlier checkpoints, and of the one the
     * auditor kept ({@code since}), are prefixes of the exported one.
     */
    private void consistencyProofs(HashedZip zip, List<SignedCheckpoint> checkpoints, Long since, long size)
            throws IOException {
        zip.begin("proofs/consistency.jsonl");
        List<SignedCheckpoint> earlier = checkpoints.stream()
                .filter(c -> c.checkpoint().treeSize() > 0 && c.checkpoint().treeSize() < size).toList();
        SortedSet<Long> firsts = new TreeSet<>();
        earlier.subList(Math.max(0, earlier.size() - CONSISTENCY_PROOFS), earlier.size())
                .forEach(checkpoint -> firsts.add(checkpoint.checkpoint().treeSize()));
        if (since != null && since < size) {
            firsts.add(since);
        }
        for (long first : firsts) {
            List<byte[]> path = tree.consistencyPath(pool, first, size).await().atMost(WAIT);
            Map<String, Object> proof = new LinkedHashMap<>();
            proof.put("first", first);
            proof.put("second", size);
            proof.put("consistencyPath", path.stream().map(MerkleHashes::hex).toList());
            zip.line(json.writeValueAsString(proof));
        }
    }

    /** How many of the exported entries are from before the tree (ADR 0009), which no leaf covers. */
    private static long preTreeEntries(Connection snapshot, long lastSeq) throws SQLException {
        try (PreparedStatement statement = snapshot.prepareStatement(
                "select count(*) from audit_pre_tree_entry where seq <= ?")) {
            statement.setLong(1, lastSeq);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Map<String, Object> manifest(Plan plan, long preTreeEntries, HashedZip zip) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("exportedAt", plan.exportedAt().toString());
        manifest.put("asOf", plan.asOf().toString());
        manifest.put("knownAt", plan.knownAt().toString());
        manifest.put("treeSize", plan.checkpoint().checkpoint().treeSize());
        manifest.put("rootHash", plan.checkpoint().checkpoint().rootHash());
        manifest.put("keyId", plan.checkpoint().keyId());
        manifest.put("preTreeEntries", preTreeEntries);
        manifest.put(ExportManifest.FILES, zip.hashes());
        return manifest;
    }

    private static String readme(Plan plan) throws IOException {
        try (InputStream in = AuditExport.class.getResourceAsStream("/audit-export-README.md")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("audit-export-README.md is missing from the build"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{asOf}}", plan.asOf().toString())
                    .replace("{{knownAt}}", plan.knownAt().toString())
                    .replace("{{exportedAt}}", plan.exportedAt().toString())
                    .replace("{{treeSize}}", Long.toString(plan.checkpoint().checkpoint().treeSize()))
                    .replace("{{rootHash}}", plan.checkpoint().checkpoint().rootHash())
                    .replace("{{keyId}}", plan.checkpoint().keyId());
        }
    }
}
