package io.aimsledger.audit.proof;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.aimsledger.audit.AuditDatabase;
import io.aimsledger.audit.TestEvents;
import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.Tokens;
import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.CheckpointSigner;
import io.aimsledger.transparency.KeyAnnouncement;
import io.aimsledger.transparency.KeyHistory;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.SignedCheckpoint;
import io.aimsledger.transparency.SigningKeys;
import io.aimsledger.verifier.AuditVerifier;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The signing key rotated twice, as a restart with a new key and the previous one configured does it:
 * every checkpoint still verifies against the key that was current for it, online and offline, and a key
 * the history does not announce is refused. Its own database, because it rotates its keys.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit_key_rotation"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationTest {

    private static final String DATABASE = "audit_key_rotation";
    private static final AuditDatabase DB = new AuditDatabase(DATABASE);
    private static final String AUDIT = "/api/v1/audit";

    @Inject
    AuditSigningKey signingKey;

    @Inject
    CheckpointLog checkpoints;

    @Inject
    Pool pool;

    private static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.forUser("carol"));
    }

    @Test
    @Order(1)
    void rotatedTwiceEveryCheckpointVerifiesOnlineAndOfflineAgainstTheKeyCurrentForIt() throws Exception {
        KeyPair first = signingKey.signer().keys();
        logged(5);
        SignedCheckpoint byFirst = latestCheckpoint();
        KeyPair second = SigningKeys.generate();
        KeyPair third = SigningKeys.generate();

        signingKey.takeOver(second, Optional.of(first));
        logged(4);
        SignedCheckpoint bySecond = latestCheckpoint();
        signingKey.takeOver(third, Optional.of(second));
        logged(3);
        SignedCheckpoint byThird = latestCheckpoint();

        assertThat(List.of(byFirst.keyId(), bySecond.keyId(), byThird.keyId())).containsExactly(
                keyId(first), keyId(second), keyId(third));
        List<KeyAnnouncement> keys = keyHistory();
        assertThat(keys).extracting(KeyAnnouncement::keyId).containsExactly(keyId(first), keyId(second), keyId(third));
        assertThat(keys.get(0).handOverSignature()).isNull();
        assertThat(keys.get(0).fromTreeSize()).isZero();
        assertThat(keys.get(1).fromTreeSize()).isEqualTo(byFirst.checkpoint().treeSize());
        assertThat(keys.get(2).fromTreeSize()).isEqualTo(bySecond.checkpoint().treeSize());
        assertThat(KeyHistory.of(keys).findings()).isEmpty();
        assertThat(signedSizes(first)).as("the first key signs a last checkpoint at the hand-over")
                .contains(keys.get(1).fromTreeSize());

        JsonPath verify = auditor().get(AUDIT + "/verify").then().statusCode(200).extract().jsonPath();
        assertThat(verify.getBoolean("valid")).as(verify.getString("finding")).isTrue();
        assertThat(verify.getInt("keysChecked")).isEqualTo(3);

        for (KeyPair trusted : List.of(first, second, third)) {
            String report = verifyOffline(exportZip(), trusted);
            assertThat(report).contains("RESULT: VERIFIED").contains("3 keys, each handed over by the one before it");
        }
        String stranger = verifyOffline(exportZip(), SigningKeys.generate());
        assertThat(stranger).contains("RESULT: NOT VERIFIED").contains("is not in the export's key history");
    }

    @Test
    @Order(2)
    void aKeyTheHistoryDoesNotAnnounceIsRefusedWhenStartingAndSigningAndVerifying() throws Exception {
        logged(2);
        latestCheckpoint();
        KeyPair current = signingKey.signer().keys();
        KeyPair unannounced = SigningKeys.generate();

        assertThatThrownBy(() -> signingKey.takeOver(unannounced, Optional.empty()))
                .hasMessageContaining("is not in the key history").hasMessageContaining("previous-file");
        assertThatThrownBy(() -> signingKey.takeOver(unannounced, Optional.of(SigningKeys.generate())))
                .hasMessageContaining("is not in the key history");
        assertThat(keyId(signingKey.signer().keys())).isEqualTo(keyId(current));

        long size = treeSize();
        byte[] root = MerkleHashes.fromHex(auditor().get(AUDIT + "/verify").jsonPath().getString("rootHash"));
        SignedCheckpoint forged = new CheckpointSigner(unannounced).sign(Checkpoint.of(size + 1_000, root, Instant.now()));
        assertThat(checkpoints.store(pool, forged).await().atMost(Duration.ofSeconds(10)))
                .as("the service stores no checkpoint of a key that is not the current one").isFalse();

        DB.execute("insert into audit_checkpoint (tree_size, root_hash, signed_at, key_id, signature) values ("
                + size + " + 500, '" + forged.checkpoint().rootHash() + "', '" + forged.checkpoint().timestamp() + "', '"
                + forged.keyId() + "', '" + forged.signature() + "')");
        try {
            JsonPath verify = auditor().get(AUDIT + "/verify").then().statusCode(200).extract().jsonPath();
            assertThat(verify.getBoolean("valid")).isFalse();
            assertThat(verify.getString("finding")).contains("is signed by key " + keyId(unannounced)
                    + ", which the key history does not announce");
        } finally {
            DB.execute("set session_replication_role = replica; delete from audit_checkpoint where tree_size = " + size
                    + " + 500");
        }
        auditor().get(AUDIT + "/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    @Order(3)
    void aRetiredKeyIsRefusedAtStart() throws Exception {
        KeyPair before = signingKey.signer().keys();
        KeyPair next = SigningKeys.generate();
        signingKey.takeOver(next, Optional.of(before));

        assertThatThrownBy(() -> signingKey.takeOver(before, Optional.of(next)))
                .hasMessageContaining("was retired").hasMessageContaining("configure the current key " + keyId(next));
        assertThat(keyId(signingKey.signer().keys())).isEqualTo(keyId(next));
        signingKey.takeOver(next, Optional.of(before)); // the current key with a stale previous one: nothing to do
        assertThat(keyHistory().getLast().keyId()).isEqualTo(keyId(next));
    }

    private static String keyId(KeyPair keys) {
        return SigningKeys.keyId(keys.getPublic());
    }

    private static List<KeyAnnouncement> keyHistory() {
        List<Map<String, Object>> served = given().get(AUDIT + "/checkpoints/keys").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<KeyAnnouncement> keys = new ArrayList<>();
        for (Map<String, Object> key : served) {
            keys.add(new KeyAnnouncement((String) key.get("keyId"), (String) key.get("publicKey"),
                    ((Number) key.get("fromTreeSize")).longValue(), (String) key.get("from"),
                    (String) key.get("handOverSignature")));
        }
        return keys;
    }

    /** Appends {@code count} events of a fresh subject and waits until they are logged. */
    private static void logged(int count) throws Exception {
        String subject = "thing-" + UUID.randomUUID();
        byte[][] values = new byte[count][];
        for (int n = 0; n < count; n++) {
            values[n] = CloudEventCodec.toJson(new EventEnvelope(UUID.randomUUID(), "io.aimsledger.test.thing-happened.v1",
                    "/aims/test", subject, Instant.parse("2026-05-01T10:00:00Z").plusSeconds(n), n, "alice", null, null,
                    null, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)));
        }
        TestEvents.send("aims.test.v1", subject, values);
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from audit_log where subject = '"
                + subject + "'") == count);
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

    private static List<Long> signedSizes(KeyPair key) throws SQLException {
        List<Long> sizes = new ArrayList<>();
        try (Connection connection = TestServers.postgres().connect(DATABASE); var statement = connection.createStatement();
             var rows = statement.executeQuery("select tree_size from audit_checkpoint where key_id = '" + keyId(key)
                     + "' order by tree_size")) {
            while (rows.next()) {
                sizes.add(rows.getLong(1));
            }
        }
        return sizes;
    }

    private static byte[] exportZip() {
        return auditor().get(AUDIT + "/export").then().statusCode(200).extract().asByteArray();
    }

    private static String verifyOffline(byte[] zip, KeyPair trusted) throws Exception {
        Path directory = Files.createTempDirectory("audit-export");
        Path export = Files.write(directory.resolve("export.zip"), zip);
        Path key = Files.writeString(directory.resolve("key.pem"), SigningKeys.publicPem(trusted.getPublic()));
        var out = new ByteArrayOutputStream();
        AuditVerifier.run(new String[] {"verify", export.toString(), "--public-key", key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long treeSize() throws SQLException {
        return DB.count("select size from merkle_tree");
    }


}
