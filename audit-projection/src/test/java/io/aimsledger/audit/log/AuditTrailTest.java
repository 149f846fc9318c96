package io.aimsledger.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.audit.TestEvents;
import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.Tokens;
import io.aimsledger.transparency.CanonicalJson;
import io.aimsledger.transparency.MerkleHashes;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class AuditTrailTest {

    private static final String TRAIL = "/api/v1/audit/events";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user));
    }

    private static byte[] event(UUID id, String domain, String name, String subject, String actor, Instant time) {
        return CloudEventCodec.toJson(new EventEnvelope(id, "io.aimsledger." + domain + "." + name + ".v1",
                "/aims/" + domain, subject, time, 1, actor, "corr-" + subject, null, null,
                ("{\"subject\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    private static void send(String topic, byte[]... values) throws Exception {
        TestEvents.send(topic, "key", values);
    }

    @Test
    void everyEventOfEveryDomainTopicIsLoggedOnceInTheOrderItArrived() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        byte[] registered = event(first, "inventory", "ai-system-registered", subject, "alice",
                Instant.parse("2026-03-01T10:00:00Z"));
        send("aims.inventory.v1", registered,
                event(second, "inventory", "ai-system-classified", subject, "bob", Instant.parse("2026-03-02T10:00:00Z")),
                registered);
        // A domain whose topic did not exist when the projection started is picked up by the pattern.
        send("aims.risk-" + subject.substring(0, 8).replaceAll("[0-9]", "x") + ".v1",
                event(third, "risk", "thing-noticed", subject, "carol", Instant.parse("2026-03-03T10:00:00Z")));
        send("aims.test.not-a-domain", event(UUID.randomUUID(), "test", "ignored", subject, "x", Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("carol").queryParam("subject", subject)
                .get(TRAIL).then().statusCode(200).body("items", hasSize(3)));

        as("carol").queryParam("subject", subject).get(TRAIL).then()
                .body("items.eventId", contains(first.toString(), second.toString(), third.toString()))
                .body("items.actor", contains("alice", "bob", "carol"))
                .body("items[0].type", equalTo("io.aimsledger.inventory.ai-system-registered.v1"))
                .body("items[0].source", equalTo("/aims/inventory"))
                .body("items[0].occurredAt", equalTo("2026-03-01T10:00:00Z"))
                .body("items[0].correlationId", equalTo("corr-" + subject))
                .body("items[0].data.subject", equalTo(subject))
                .body("items[0].leafHash", equalTo(MerkleHashes.hex(MerkleHashes.leaf(
                        CanonicalJson.canonicalize(new String(registered, StandardCharsets.UTF_8))))));
        as("dave").queryParam("subject", subject).queryParam("actor", "bob").get(TRAIL).then()
                .body("items.eventId", contains(second.toString()));
        as("dave").queryParam("subject", subject).queryParam("from", "2026-03-02T00:00:00Z")
                .queryParam("to", "2026-03-03T00:00:00Z").get(TRAIL).then()
                .body("items.eventId", contains(second.toString()));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = as("carol").queryParam("subject", subject).queryParam("limit", 1)
                    .queryParam("cursor", cursor == null ? "" : cursor).get(TRAIL).then().statusCode(200).extract();
            paged.addAll(page.path("items.eventId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly(first.toString(), second.toString(), third.toString());
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithItsReasonAndTheTrailGoesOn() throws Exception {
        String subject = UUID.randomUUID().toString();
        String marker = "not a CloudEvent " + subject;
        UUID after = UUID.randomUUID();
        send("aims.inventory.v1", marker.getBytes(StandardCharsets.UTF_8),
                event(after, "inventory", "ai-system-registered", subject, "alice", Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("carol").queryParam("subject", subject)
                .get(TRAIL).then().body("items.eventId", contains(after.toString())));
        var properties = new java.util.Properties();
        properties.put("bootstrap.servers", TestServers.kafka().bootstrapServers());
        properties.put("group.id", "dlq-reader-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        try (var reader = new org.apache.kafka.clients.consumer.KafkaConsumer<>(properties,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            reader.subscribe(List.of(io.aimsledger.audit.ingest.AuditConsumer.DEAD_LETTERS));
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (marker.equals(r.value())) {
                        dead.add(r);
                    }
                });
                return !dead.isEmpty();
            });
            var headers = dead.getFirst().headers();
            assertThat(new String(headers.lastHeader("dlq-code").value(), StandardCharsets.UTF_8))
                    .isEqualTo("cloudevent.invalid");
            assertThat(new String(headers.lastHeader("dlq-reason").value(), StandardCharsets.UTF_8)).isNotBlank();
        }
    }

    @Test
    void onlyAuditorsViewersAndAdminsReadTheTrailAndBadParametersAreProblems() {
        as("alice").get(TRAIL).then().statusCode(403);
        given().get(TRAIL).then().statusCode(401);
        as("admin").get(TRAIL).then().statusCode(200);
        as("carol").queryParam("from", "yesterday").get(TRAIL).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as("carol").queryParam("cursor", "forged").get(TRAIL).then().statusCode(400);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() throws Exception {
        String subject = UUID.randomUUID().toString();
        send("aims.inventory.v1", event(UUID.randomUUID(), "inventory", "ai-system-registered", subject, "alice",
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from audit_log where subject = '"
                + subject + "'") == 1);

        assertThatThrownBy(() -> execute("update audit_log set actor = 'mallory' where subject = '" + subject + "'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from audit_log where subject = '" + subject + "'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("truncate audit_log")).hasMessageContaining("append-only");
        assertThat(count("select count(*) from audit_log where subject = '" + subject + "' and actor = 'alice'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from information_schema.role_table_grants where grantee = 'aims_audit_writer' "
                + "and table_name = 'audit_log' and privilege_type in ('SELECT', 'INSERT')")).isEqualTo(2);
        // The role the service runs as is refused by privileges before any trigger is asked.
        try (var app = java.sql.DriverManager.getConnection(TestServers.postgres().jdbcUrl("audit"), "aims_audit_app",
                "aims-audit-app"); var statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute("update audit_log set actor = 'mallory'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("delete from audit_log"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(count("select count(*) from information_schema.role_table_grants where grantee = 'aims_audit_writer' "
                + "and table_name = 'audit_log' and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')")).isZero();
    }

    private static void execute(String sql) throws SQLException {
        try (var connection = TestServers.postgres().connect("audit"); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (var connection = TestServers.postgres().connect("audit"); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
