package io.aimsledger.audit.proof;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.aimsledger.audit.AuditDatabase;
import io.aimsledger.audit.TestEvents;
import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.localservers.PostgresServer;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.Tokens;
import io.aimsledger.verifier.AuditVerifier;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A log that had entries before the tree existed (a database migrated to V3 and written to, then started
 * on this release): verify reports them apart as pre-tree entries and stays valid while they are as
 * recorded, finds one changed or deleted, and an export of it verifies offline, saying so (ADR 0009).
 */
@QuarkusTest
@WithTestResource(PreTreeEntriesTest.LogFromBeforeTheTree.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class PreTreeEntriesTest {

    private static final String DATABASE = "audit_pre_tree";
    private static final AuditDatabase DB = new AuditDatabase(DATABASE);
    private static final String AUDIT = "/api/v1/audit";
    private static final int BEFORE_THE_TREE = 3;

    /** The database as the release before the tree left it: migrated to V3, with three entries in the log. */
    public static class LogFromBeforeTheTree extends PostgresResource {

        @Override
        public void init(Map<String, String> initArgs) {
            super.init(Map.of(DATABASE, PreTreeEntriesTest.DATABASE, APPLICATION_ROLE, "aims_audit_app"));
        }

        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            var postgres = TestServers.postgres();
            Flyway.configure().dataSource(postgres.jdbcUrl(PreTreeEntriesTest.DATABASE), PostgresServer.USER,
                            postgres.password())
                    .locations("classpath:db/eventstore", "classpath:db/migration").outOfOrder(true).target("3")
                    .placeholders(Map.of("audit_app_password", "aims-audit-app")).load().migrate();
            try (Connection connection = postgres.connect(PreTreeEntriesTest.DATABASE);
                 var insert = connection.prepareStatement("insert into audit_log (event_id, source, type, subject, "
                         + "topic, kafka_partition, kafka_offset, cloud_event) values (?, '/aims/test', ?, 'old', "
                         + "'aims.test.v1', 0, ?, ?)")) {
                for (int n = 0; n < BEFORE_THE_TREE; n++) {
                    UUID id = UUID.randomUUID();
                    insert.setString(1, id.toString());
                    insert.setString(2, "io.aimsledger.test.thing-happened.v1");
                    insert.setLong(3, n);
                    insert.setString(4, new String(event(id, "old", n), StandardCharsets.UTF_8));
                    insert.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return config;
        }
    }

    private static byte[] event(UUID id, String subject, int n) {
        return CloudEventCodec.toJson(new EventEnvelope(id, "io.aimsledger.test.thing-happened.v1", "/aims/test", subject,
                Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n), n, "alice", null, null, null,
                ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)));
    }

    private static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.forUser("carol"));
    }

    @Test
    void entriesFromBeforeTheTreeAreReportedApartAndCheckedAgainstTheirRecord() throws Exception {
        String subject = "new-" + UUID.randomUUID();
        TestEvents.send("aims.test.v1", subject, event(UUID.randomUUID(), subject, 1), event(UUID.randomUUID(), subject, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from merkle_leaf") >= 2);
        long firstSeq = DB.count("select min(seq) from audit_log");

        JsonPath clean = auditor().get(AUDIT + "/verify").then().statusCode(200).extract().jsonPath();
        assertThat(clean.getBoolean("valid")).as(clean.getString("finding")).isTrue();
        assertThat(clean.getLong("preTreeEntries")).isEqualTo(BEFORE_THE_TREE);
        assertThat(clean.getString("finding")).contains("3 entries from before the tree are as recorded");
        assertThat(clean.getLong("treeSize")).isEqualTo(DB.count("select count(*) from merkle_leaf"));

        String offline = verifyOffline();
        assertThat(offline).contains("RESULT: VERIFIED")
                .contains("3 entries were logged before the tree existed: no leaf and no signature covers them");

        DB.executeWithoutTriggers("update audit_log set cloud_event = replace(cloud_event, 'alice', 'mallory') where seq = "
                + firstSeq);
        JsonPath changed = auditor().get(AUDIT + "/verify").then().statusCode(200).extract().jsonPath();
        assertThat(changed.getBoolean("valid")).isFalse();
        assertThat(changed.getLong("firstInvalidSeq")).isEqualTo(firstSeq);
        assertThat(changed.getString("finding")).contains("is not the entry recorded when the tree was introduced");
        DB.executeWithoutTriggers("update audit_log set cloud_event = replace(cloud_event, 'mallory', 'alice') where seq = "
                + firstSeq);

        DB.executeWithoutTriggers("create table pre_tree_copy as select * from audit_log where seq = " + firstSeq
                + "; delete from audit_log where seq = " + firstSeq);
        JsonPath deleted = auditor().get(AUDIT + "/verify").then().statusCode(200).extract().jsonPath();
        assertThat(deleted.getBoolean("valid")).isFalse();
        assertThat(deleted.getString("finding")).contains("is no longer in the log");
        DB.executeWithoutTriggers("insert into audit_log overriding system value select * from pre_tree_copy; "
                + "drop table pre_tree_copy");

        auditor().get(AUDIT + "/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    private static String verifyOffline() throws Exception {
        byte[] zip = auditor().get(AUDIT + "/export").then().statusCode(200).extract().asByteArray();
        String key = given().get(AUDIT + "/checkpoints/public-key").then().statusCode(200).extract().asString();
        Path directory = Files.createTempDirectory("audit-export");
        Path export = Files.write(directory.resolve("export.zip"), zip);
        Path keyFile = Files.writeString(directory.resolve("key.pem"), key);
        var out = new ByteArrayOutputStream();
        AuditVerifier.run(new String[] {"verify", export.toString(), "--public-key", keyFile.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }


}
