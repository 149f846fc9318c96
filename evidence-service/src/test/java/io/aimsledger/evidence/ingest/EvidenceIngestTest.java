package io.aimsledger.evidence.ingest;

import static io.aimsledger.evidence.support.EvidenceApi.EVIDENCE;
import static io.aimsledger.evidence.support.EvidenceApi.as;
import static io.aimsledger.evidence.support.EvidenceApi.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.aimsledger.eventstore.inbox.DeadLetters;
import io.aimsledger.evidence.support.EvidenceApi;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestTopics;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Evidence pushed by integrations, over HTTP and over Kafka (API.md, "evidence-service"). */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = EvidenceApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class EvidenceIngestTest {

    private static final String SOURCE = "/ci/fairness-suite";
    private static final String TIME = "2026-02-01T10:00:00Z";

    static String submitted(String id, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "%s", "type": "io.aimsledger.ingest.evidence-submitted.v1",
                 "time": "%s", "datacontenttype": "application/json", "data": %s}""".formatted(id, SOURCE, TIME, data);
    }

    static String inline(String title, byte[] content) {
        return """
                {"title": "%s", "kind": "TEST_REPORT", "controlIds": ["A.6.2.4"], "contentBase64": "%s"}"""
                .formatted(title, Base64.getEncoder().encodeToString(content));
    }

    private static JsonPath ingest(String event) {
        return given().auth().oauth2(Tokens.forIntegration()).contentType("application/cloudevents+json").body(event)
                .post("/api/v1/ingest").then().statusCode(202).extract().jsonPath();
    }

    @Test
    void inlineContentIsStoredAsAnUploadIsAndTheEventTimeIsTheValidTime() throws Exception {
        byte[] content = ("fairness run " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String eventId = UUID.randomUUID().toString();
        JsonPath applied = ingest(submitted(eventId, inline("Fairness suite", content)));
        assertThat(applied.getString("results[0].status")).isEqualTo("APPLIED");
        String id = UUID.nameUUIDFromBytes(("ingest:" + SOURCE + "#" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        as("dave").get(EVIDENCE + "/{id}", id).then().statusCode(200).body("source", equalTo(SOURCE))
                .body("effectiveAt", equalTo(TIME)).body("content.sha256", equalTo(sha))
                .body("collectedBy", equalTo("service-account-ci-pipeline")).body("status", equalTo("PENDING_REVIEW"));
        assertThat(as("dave").get(EVIDENCE + "/{id}/content", id).asByteArray()).isEqualTo(content);

        assertThat(ingest(submitted(eventId, inline("Fairness suite", content))).getString("results[0].status"))
                .isEqualTo("DUPLICATE");
        assertThat(count("select count(*) from evidence where id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void aUriWithItsHashAndAnEffectiveAtOfItsOwnIsTakenAndBadEventsAreRejectedWithTheirCodes() {
        String data = """
                {"title": "Pen test", "kind": "ATTESTATION", "controlIds": ["A.6.2.4"], "uri": "https://vault.example/p",
                 "sha256": "%s", "effectiveAt": "2026-01-20T00:00:00Z", "validUntil": "2027-01-20T00:00:00Z"}"""
                .formatted("cd".repeat(32));
        JsonPath applied = ingest(submitted(UUID.randomUUID().toString(), data));
        assertThat(applied.getString("results[0].status")).isEqualTo("APPLIED");
        String id = applied.getString("results[0].detail").replaceAll(".*evidence ([0-9a-f-]{36}).*", "$1");
        as("dave").get(EVIDENCE + "/{id}", id).then().body("effectiveAt", equalTo("2026-01-20T00:00:00Z"))
                .body("validUntil", equalTo("2027-01-20T00:00:00Z")).body("externalUri", equalTo("https://vault.example/p"));

        assertThat(ingest(submitted(UUID.randomUUID().toString(), data.replace("A.6.2.4", "NOPE-9")))
                .getString("results[0].code")).isEqualTo("evidence.unknown-control");
        assertThat(ingest(submitted(UUID.randomUUID().toString(), data.replace("\"uri\"", "\"url\"")))
                .getString("results[0].code")).isEqualTo("ingest.schema-invalid");
        assertThat(ingest(submitted(UUID.randomUUID().toString(), data.replace("2027-01-20", "2025-01-20")))
                .getString("results[0].code")).isEqualTo("evidence.valid-until-not-after-effective");
        given().auth().oauth2(Tokens.forUser("alice")).contentType("application/cloudevents+json")
                .body(submitted("x", data)).post("/api/v1/ingest").then().statusCode(403);
    }

    @Test
    void evidenceOverKafkaIsSubmittedAndWhatCannotBeAppliedIsDeadLetteredWithItsReason() throws Exception {
        String title = "Drift log " + UUID.randomUUID();
        String unknownControl = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        TestTopics.send(KafkaIngest.TOPIC, "ci", submitted(UUID.randomUUID().toString(), inline(title, new byte[] {1, 2, 3})),
                submitted(unknownControl, inline("x", new byte[] {4}).replace("A.6.2.4", "NOPE-2")),
                submitted(invalid, inline("x", new byte[] {5}).replace("\"kind\": \"TEST_REPORT\"", "\"kind\": \"RUMOUR\"")),
                "not a CloudEvent");

        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from evidence where title = '"
                + title + "'") == 1);
        List<ConsumerRecord<String, String>> dead = TestTopics.recordsWith(KafkaIngest.DEAD_LETTERS,
                List.of(unknownControl, invalid));
        assertThat(dead).extracting(r -> TestTopics.header(r, DeadLetters.CODE))
                .containsExactly("evidence.unknown-control", "ingest.schema-invalid");
        assertThat(dead).allSatisfy(r -> assertThat(TestTopics.header(r, DeadLetters.REASON)).isNotBlank());
    }
}
