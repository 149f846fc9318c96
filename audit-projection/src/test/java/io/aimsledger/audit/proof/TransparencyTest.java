package io.aimsledger.audit.proof;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aimsledger.audit.AuditDatabase;
import io.aimsledger.audit.TestEvents;
import io.aimsledger.audit.log.MerkleLog;
import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.Tokens;
import io.aimsledger.transparency.CanonicalJson;
import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.MerkleProofs;
import io.aimsledger.transparency.MerkleTree;
import io.aimsledger.transparency.SignedCheckpoint;
import io.aimsledger.transparency.SigningKeys;
import io.aimsledger.verifier.AuditVerifier;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The log proves itself (issue: verifiable audit log): signed checkpoints, RFC 9162 proofs through the
 * API, and tampering by a database superuser found by verify, by the offline verifier and by consistency.
 * Its own database, because it tampers with the log.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit_transparency"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class TransparencyTest {

    private static final String DATABASE = "audit_transparency";
    private static final AuditDatabase DB = new AuditDatabase(DATABASE);
    private static final String AUDIT = "/api/v1/audit";

    @Inject
    Checkpointer checkpointer;

    private String subject;
    private final List<String> eventIds = new ArrayList<>();

    private static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.forUser("carol"));
    }

    private static byte[] event(UUID id, String subject, String actor, int n) {
        return CloudEventCodec.toJson(new EventEnvelope(id, "io.aimsledger.test.thing-happened.v1", "/aims/test", subject,
                Instant.parse("2026-05-01T10:00:00Z").plusSeconds(n), n, actor, null, null, null,
                ("{\"n\":" + n + ",\"note\":\"by " + actor + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    /** Appends {@code count} events of a fresh subject (the third one twice) and waits until they are logged. */
    private void append(int count) throws Exception {
        List<byte[]> values = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            UUID id = UUID.randomUUID();
            eventIds.add(id.toString());
            values.add(event(id, subject, n % 2 == 0 ? "alice" : "bob", eventIds.size()));
            if (n == 2) {
                values.add(values.get(2));
            }
        }
        TestEvents.send("aims.test.v1", subject, values.toArray(byte[][]::new));
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from audit_log where subject = '"
                + subject + "'") == eventIds.size());
    }

    @BeforeEach
    void newSubject() {
        subject = "thing-" + UUID.randomUUID();
        eventIds.clear();
    }

    /** The latest signed checkpoint, once one covers every entry logged so far. */
    private static SignedCheckpoint latestCheckpoint() throws SQLException {
        long size = treeSize();
        await().atMost(Duration.ofSeconds(30)).until(() -> auditor().get(AUDIT + "/checkpoints/latest").jsonPath()
                .getLong("treeSize") >= size);
        JsonPath body = auditor().get(AUDIT + "/checkpoints/latest").then().statusCode(200).extract().jsonPath();
        return new SignedCheckpoint(new Checkpoint(body.getLong("treeSize"), body.getString("rootHash"),
                body.getString("timestamp")), body.getString("keyId"), body.getString("signature"));
    }

    private static String publicKeyPem() {
        return given().get(AUDIT + "/checkpoints/public-key").then().statusCode(200).extract().asString();
    }

    @Test
    void proofsFromTheApiVerifyAgainstSignedCheckpoints() throws Exception {
        append(5);
        SignedCheckpoint earlier = latestCheckpoint();
        append(7);
        SignedCheckpoint later = latestCheckpoint();
        var key = SigningKeys.readPublic(publicKeyPem());

        assertThat(earlier.verify(key)).isTrue();
        assertThat(later.verify(key)).isTrue();
        assertThat(later.keyId()).isEqualTo(SigningKeys.keyId(key));
        assertThat(later.checkpoint().treeSize()).isGreaterThanOrEqualTo(earlier.checkpoint().treeSize() + 7);
        for (String eventId : eventIds) {
            JsonPath proof = auditor().queryParam("eventId", eventId).get(AUDIT + "/proofs/inclusion")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(proof.getLong("treeSize")).isEqualTo(later.checkpoint().treeSize());
            assertThat(MerkleProofs.verifyInclusion(proof.getLong("leafIndex"), proof.getLong("treeSize"),
                    MerkleHashes.fromHex(proof.getString("leafHash")), hashes(proof.getList("auditPath")),
                    later.checkpoint().root())).as(eventId).isTrue();
            String trailLeafHash = auditor().queryParam("subject", subject).get(AUDIT + "/events").jsonPath()
                    .getString("items.find { it.eventId == '" + eventId + "' }.leafHash");
            assertThat(proof.getString("leafHash")).isEqualTo(trailLeafHash);
        }
        JsonPath consistency = auditor().queryParam("first", earlier.checkpoint().treeSize())
                .queryParam("second", later.checkpoint().treeSize()).get(AUDIT + "/proofs/consistency")
                .then().statusCode(200).extract().jsonPath();
        assertThat(MerkleProofs.verifyConsistency(earlier.checkpoint().treeSize(), later.checkpoint().treeSize(),
                earlier.checkpoint().root(), later.checkpoint().root(), hashes(consistency.getList("consistencyPath"))))
                .isTrue();
        auditor().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true))
                .body("firstInvalidSeq", equalTo(null));
    }

    @Test
    void badProofQuestionsAreProblemsAndOnlyAuditorsAsk() {
        auditor().get(AUDIT + "/proofs/inclusion").then().statusCode(400).body("violations[0].field", equalTo("eventId"));
        auditor().queryParam("eventId", "no-such-event").get(AUDIT + "/proofs/inclusion").then().statusCode(404)
                .body("code", equalTo("audit.event-not-found"));
        auditor().queryParam("first", 0).get(AUDIT + "/proofs/consistency").then().statusCode(400)
                .body("violations[0].field", equalTo("first"));
        auditor().queryParam("first", "x").get(AUDIT + "/proofs/consistency").then().statusCode(400);
        auditor().queryParam("first", 1).queryParam("second", Long.MAX_VALUE).get(AUDIT + "/proofs/consistency")
                .then().statusCode(400).body("violations[0].field", equalTo("second"));
        auditor().queryParam("first", Long.MAX_VALUE).get(AUDIT + "/proofs/consistency").then().statusCode(400);
        given().auth().oauth2(Tokens.forUser("alice")).get(AUDIT + "/verify").then().statusCode(403);
        given().get(AUDIT + "/checkpoints/latest").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("alice")).get(AUDIT + "/export").then().statusCode(403);
        auditor().queryParam("asOf", "last week").get(AUDIT + "/export").then().statusCode(400);
    }

    @Test
    void theTreeAndItsCheckpointsAreAppendOnlyForTheService() throws Exception {
        append(1); // row triggers guard rows, so there must be some
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from audit_checkpoint") > 0);
        try (var app = java.sql.DriverManager.getConnection(TestServers.postgres().jdbcUrl(DATABASE), "aims_audit_app",
                "aims-audit-app"); var statement = app.createStatement()) {
            for (String table : List.of("merkle_leaf", "merkle_node", "audit_checkpoint")) {
                assertThatThrownBy(() -> statement.execute("delete from " + table)).hasMessageContaining("permission denied");
            }
        }
        assertThatThrownBy(() -> DB.execute("delete from merkle_node")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> DB.execute("update audit_checkpoint set tree_size = 0")).hasMessageContaining("append-only");
    }

    @Test
    void derivedHistoryIsAppendOnlyForTheServiceAndVerifiedAgainstTheLog() throws Exception {
        UUID id = UUID.randomUUID();
        var description = new Description("Scorer", null, "Score loan applications", "alice", null,
                OrganizationRole.DEPLOYER, AiTechnique.MACHINE_LEARNING, null, null, List.of(), null);
        TestEvents.publish(id, 1, "2026-01-10T09:00:00Z", new InventoryEvent.AiSystemRegistered(id, description, null));
        TestEvents.publish(id, 2, "2026-02-10T09:00:00Z", new InventoryEvent.AiSystemClassified(id,
                EuAiActRiskClass.HIGH_RISK, "Annex III"));
        String current = " where entity_type = 'ai-system' and entity_id = '" + id + "' and recorded_to is null";
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from entity_version" + current) == 2);
        auditor().queryParam("derived", "true").get(AUDIT + "/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("derivedChecked", equalTo(true));

        try (var app = java.sql.DriverManager.getConnection(TestServers.postgres().jdbcUrl(DATABASE), "aims_audit_app",
                "aims-audit-app"); var statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute("update entity_version set state = jsonb_set(state, '{name}', "
                    + "'\"Forged\"') where entity_id = '" + id + "'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("delete from entity_version where entity_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("truncate entity_version")).isInstanceOf(SQLException.class);
        }

        DB.executeWithoutTriggers("update entity_version set state = jsonb_set(state, '{name}', '\"Forged\"')" + current);
        auditor().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true));
        auditor().queryParam("derived", "true").get(AUDIT + "/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstDifferingEntity", equalTo("ai-system/" + id));
        DB.executeWithoutTriggers("update entity_version set state = jsonb_set(state, '{name}', '\"Scorer\"')" + current);
        auditor().queryParam("derived", "true").get(AUDIT + "/verify").then().statusCode(200)
                .body("valid", equalTo(true));
        auditor().queryParam("derived", "maybe").get(AUDIT + "/verify").then().statusCode(400);
    }

    @Test
    void aChangedTreeHeadIsFoundByVerify() throws Exception {
        append(2);
        latestCheckpoint(); // else the checkpointer may sign the forged head, and every later verify fails
        auditor().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true));
        try (var app = java.sql.DriverManager.getConnection(TestServers.postgres().jdbcUrl(DATABASE), "aims_audit_app",
                "aims-audit-app"); var statement = app.createStatement()) {
            String root;
            try (var rows = statement.executeQuery("select encode(root_hash, 'hex') from merkle_tree")) {
                rows.next();
                root = rows.getString(1);
            }
            statement.execute("update merkle_tree set root_hash = sha256('forged'::bytea)");
            try {
                auditor().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(false))
                        .body("finding", containsString("tree head"));
                // Nor is a forged head signed: the checkpointer signs only the root the nodes give.
                long size = treeSize();
                byte[] forged = java.security.MessageDigest.getInstance("SHA-256")
                        .digest("forged".getBytes(StandardCharsets.UTF_8));
                assertThatThrownBy(() -> checkpointer.provenByItsNodes(new MerkleLog.TreeHead(size, forged)).await()
                        .atMost(Duration.ofSeconds(10))).hasMessageContaining("is not the root of its nodes");
                assertThat(checkpointer.provenByItsNodes(new MerkleLog.TreeHead(size, MerkleHashes.fromHex(root))).await()
                        .atMost(Duration.ofSeconds(10)).size()).isEqualTo(size);
            } finally {
                statement.execute("update merkle_tree set root_hash = decode('" + root + "', 'hex')");
            }
        }
    }

    @Test
    void tamperingThroughASuperuserIsFoundByVerifyTheOfflineVerifierAndConsistency() throws Exception {
        append(10);
        SignedCheckpoint earlier = latestCheckpoint();
        append(6);
        latestCheckpoint();
        auditor().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true));
        List<Long> seqs = seqsOfSubject();
        long changed = seqs.get(1);
        long gap = firstGapBefore(seqs.get(8));

        tamperedAndRestored(changed, earlier, "update audit_log set cloud_event = replace(cloud_event, 'by bob', 'by eve') "
                + "where seq = " + changed, "update audit_log set cloud_event = replace(cloud_event, 'by eve', 'by bob') "
                + "where seq = " + changed);

        long deleted = seqs.get(4);
        String restoreDeleted = "insert into audit_log overriding system value select * from audit_log_copy";
        DB.execute("create table audit_log_copy as select * from audit_log where seq = " + deleted);
        tamperedAndRestored(deleted, earlier, "delete from audit_log where seq = " + deleted, restoreDeleted);
        DB.execute("drop table audit_log_copy");

        long first = seqs.get(5);
        long second = seqs.get(7);
        String swap = "update audit_log a set cloud_event = b.cloud_event from audit_log b "
                + "where (a.seq, b.seq) in ((" + first + ", " + second + "), (" + second + ", " + first + "))";
        tamperedAndRestored(first, earlier, swap, swap);

        String forged = new String(event(UUID.randomUUID(), subject, "mallory", 99), StandardCharsets.UTF_8)
                .replace("'", "''");
        tamperedAndRestored(gap, earlier, "insert into audit_log (seq, event_id, source, type, subject, recorded_at, "
                + "topic, kafka_partition, kafka_offset, cloud_event) overriding system value values (" + gap
                + ", 'forged-" + gap + "', '/aims/test', 't', '" + subject + "', now(), 'aims.test.v1', 0, 0, '"
                + forged + "')", "delete from audit_log where seq = " + gap);
    }

    /**
     * Applies {@code tamper} as a superuser with the triggers off, checks that everyone notices and that
     * no consistency proof from {@code earlier} reaches the tampered head, then restores the row(s).
     */
    private void tamperedAndRestored(long badSeq, SignedCheckpoint earlier, String tamper, String restore) throws Exception {
        DB.executeWithoutTriggers(tamper);
        try {
            JsonPath verify = auditor().get(AUDIT + "/verify").then().statusCode(200).extract().jsonPath();
            assertThat(verify.getBoolean("valid")).as(tamper).isFalse();
            assertThat(verify.getLong("firstInvalidSeq")).as(tamper).isEqualTo(badSeq);
            assertThat(verify.getString("finding")).contains("seq " + badSeq);

            String offline = verifyOffline(exportZip(), publicKeyPem());
            assertThat(offline).as(tamper).contains("RESULT: NOT VERIFIED").contains("seq " + badSeq);

            List<byte[]> rows = leavesOfRows();
            long size = verify.getLong("treeSize");
            byte[] head = MerkleHashes.fromHex(verify.getString("rootHash"));
            assertThat(rows).hasSize((int) size);
            assertThat(MerkleTree.root(rows)).isEqualTo(head);
            long from = earlier.checkpoint().treeSize();
            assertThat(MerkleProofs.verifyConsistency(from, size, earlier.checkpoint().root(), head,
                    MerkleTree.consistencyPath(rows, (int) from, (int) size))).as(tamper).isFalse();
            JsonPath served = auditor().queryParam("first", from).queryParam("second", Math.min(size, treeSize()))
                    .get(AUDIT + "/proofs/consistency").then().statusCode(200).extract().jsonPath();
            assertThat(MerkleProofs.verifyConsistency(from, size, earlier.checkpoint().root(), head,
                    hashes(served.getList("consistencyPath")))).as(tamper).isFalse();
        } finally {
            DB.executeWithoutTriggers(restore);
        }
        auditor().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void anExportTakenThroughTheApiVerifiesOffline() throws Exception {
        append(4);
        latestCheckpoint();
        append(4);
        latestCheckpoint(); // so that the export has an earlier checkpoint to prove consistency from
        byte[] zip = auditor().queryParam("asOf", "2026-06-01T00:00:00Z").get(AUDIT + "/export").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Set<String> files = new HashSet<>();
        try (var in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.add(entry.getName());
            }
        }
        assertThat(files).contains("README.md", "manifest.json", "state.json", "checkpoint.json", "checkpoints.jsonl",
                "keys.json", "log/entries.jsonl", "log/leaves.csv", "proofs/inclusion.jsonl",
                "proofs/consistency.jsonl");

        String report = verifyOffline(zip, publicKeyPem());
        assertThat(report).contains("RESULT: VERIFIED").containsPattern("OK +[1-9][0-9]* consistency proofs");
        String foreignKey = verifyOffline(zip, SigningKeys.publicPem(SigningKeys.generate().getPublic()));
        assertThat(foreignKey).contains("RESULT: NOT VERIFIED").contains("is not in the export's key history");
    }

    private static byte[] exportZip() {
        return auditor().get(AUDIT + "/export").then().statusCode(200).extract().asByteArray();
    }

    private static String verifyOffline(byte[] zip, String publicKeyPem) throws Exception {
        Path directory = Files.createTempDirectory("audit-export");
        Path export = Files.write(directory.resolve("export.zip"), zip);
        Path key = Files.writeString(directory.resolve("key.pem"), publicKeyPem);
        var out = new ByteArrayOutputStream();
        int status = AuditVerifier.run(new String[] {"verify", export.toString(), "--public-key", key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isEqualTo(report.contains("RESULT: VERIFIED") ? 0 : 1);
        return report;
    }

    private List<Long> seqsOfSubject() throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection connection = TestServers.postgres().connect(DATABASE); var statement = connection.createStatement();
             var rows = statement.executeQuery("select seq from audit_log where subject = '" + subject + "' order by seq")) {
            while (rows.next()) {
                seqs.add(rows.getLong(1));
            }
        }
        return seqs;
    }

    /** A seq the log never used below {@code below} (the duplicate in every batch leaves one). */
    private static long firstGapBefore(long below) throws SQLException {
        long gap = DB.count("select min(s) from generate_series((select min(seq) from audit_log), " + below + ") s "
                + "where not exists (select 1 from audit_log where seq = s)");
        assertThat(gap).as("a gap in seq").isPositive();
        return gap;
    }

    private static long treeSize() throws SQLException {
        return DB.count("select size from merkle_tree");
    }

    private static List<byte[]> leavesOfRows() throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (Connection connection = TestServers.postgres().connect(DATABASE); var statement = connection.createStatement();
             var rows = statement.executeQuery("select cloud_event from audit_log order by seq")) {
            while (rows.next()) {
                leaves.add(MerkleHashes.leaf(CanonicalJson.canonicalize(rows.getString(1))));
            }
        }
        return leaves;
    }

    private static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(MerkleHashes::fromHex).toList();
    }
}
