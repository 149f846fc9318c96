package io.aimsledger.risk.signal;

import static io.aimsledger.risk.support.RiskApi.RISKS;
import static io.aimsledger.risk.support.RiskApi.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.aimsledger.eventstore.inbox.DeadLetters;
import io.aimsledger.risk.support.RiskApi;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestTopics;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Risk signals from monitoring, over HTTP and over Kafka (risk-service README, "Risk signals"). */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = RiskApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class RiskSignalsTest {

    private static final String SOURCE = "/monitoring/fairness";
    private static final Instant OBSERVED = Instant.parse("2026-06-01T08:00:00Z");

    static String signal(String id, String aiSystem, String metric, double value, double threshold) {
        return signal(id, aiSystem, metric, value, threshold, OBSERVED);
    }

    static String signal(String id, String aiSystem, String metric, double value, double threshold, Instant observedAt) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "%s", "type": "io.aimsledger.ingest.risk-signal.v1",
                 "datacontenttype": "application/json", "data": {"aiSystemId": "%s", "category": "BIAS_FAIRNESS",
                 "metric": "%s", "value": %s, "threshold": %s, "observedAt": "%s", "detail": "weekly audit"}}"""
                .formatted(id, SOURCE, aiSystem, metric, value, threshold, observedAt);
    }

    private static JsonPath ingest(String event) {
        return given().auth().oauth2(Tokens.forIntegration()).contentType("application/cloudevents+json").body(event)
                .post("/api/v1/ingest").then().statusCode(202).extract().jsonPath();
    }

    @Test
    void aBreachOpensARiskARepeatIsADuplicateAndASecondBreachReopensAnAcceptedRisk() throws Exception {
        UUID system = RiskApi.aiSystem();
        String metric = "dpd-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();

        JsonPath opened = ingest(signal(first, system.toString(), metric, 0.31, 0.1));
        assertThat(opened.getString("results[0].status")).isEqualTo("APPLIED");
        List<Map<String, Object>> risks = as("dave").queryParam("aiSystemId", system.toString()).get(RISKS).then()
                .extract().path("items");
        assertThat(risks).hasSize(1);
        String risk = (String) risks.getFirst().get("id");
        as("dave").get(RISKS + "/{id}", risk).then().body("status", equalTo("IDENTIFIED"))
                .body("source", equalTo(SOURCE)).body("category", equalTo("BIAS_FAIRNESS"))
                .body("createdAt", equalTo(OBSERVED.toString())).body("signals[0].metric", equalTo(metric))
                .body("signals[0].value", equalTo(0.31f)).body("signals[0].source", equalTo(SOURCE));

        assertThat(ingest(signal(first, system.toString(), metric, 0.31, 0.1)).getString("results[0].status"))
                .isEqualTo("DUPLICATE");
        assertThat(ingest(signal(UUID.randomUUID().toString(), system.toString(), metric, 0.05, 0.1))
                .getString("results[0].detail")).contains("no breach");

        as("alice").body(Map.of("likelihood", 2, "impact", 2)).post(RISKS + "/{id}/assessment", risk).then().statusCode(200);
        as("bob").body(Map.of("rationale", "monitored")).post(RISKS + "/{id}/acceptance", risk).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        // Observed after the acceptance (valid time): a signal observed before it would not undo it.
        assertThat(ingest(signal(UUID.randomUUID().toString(), system.toString(), metric, 0.4, 0.1, Instant.now()))
                .getString("results[0].status")).isEqualTo("APPLIED");
        as("dave").get(RISKS + "/{id}", risk).then().body("status", equalTo("ASSESSED"))
                .body("acceptance.stale", equalTo(true)).body("signals.size()", equalTo(2));
        assertThat(as("dave").queryParam("aiSystemId", system.toString()).get(RISKS).then().extract()
                .<List<?>>path("items")).as("recorded on the open risk, not a new one").hasSize(1);
    }

    @Test
    void aSignalOfAnUnknownAiSystemOrAnotherTypeIsRejectedWithItsCode() {
        JsonPath unknown = ingest(signal(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "m", 1, 0));
        assertThat(unknown.getString("results[0].status")).isEqualTo("REJECTED");
        assertThat(unknown.getString("results[0].code")).isEqualTo("risk.unknown-ai-system");
        JsonPath invalid = ingest(signal(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "m", 1, 0)
                .replace("\"BIAS_FAIRNESS\"", "\"FEELINGS\""));
        assertThat(invalid.getString("results[0].code")).isEqualTo("ingest.schema-invalid");
        given().auth().oauth2(Tokens.forUser("alice")).contentType("application/cloudevents+json")
                .body(signal("x", "y", "m", 1, 0)).post("/api/v1/ingest").then().statusCode(403);
    }

    @Test
    void signalsOverKafkaOpenRisksAndWhatCannotBeAppliedIsDeadLetteredWithItsReason() throws Exception {
        UUID system = RiskApi.aiSystem();
        String metric = "drift-" + UUID.randomUUID();
        String unknownSystem = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        TestTopics.send(KafkaIngest.TOPIC, "monitor", signal(UUID.randomUUID().toString(), system.toString(), metric,
                        0.9, 0.2), signal(unknownSystem, UUID.randomUUID().toString(), metric, 0.9, 0.2),
                signal(invalid, system.toString(), metric, 0.9, 0.2).replace("\"observedAt\"", "\"seenAt\""),
                "not a CloudEvent");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(as("dave")
                .queryParam("aiSystemId", system.toString()).get(RISKS).then().extract().<List<?>>path("items")).hasSize(1));
        List<ConsumerRecord<String, String>> dead = TestTopics.recordsWith(KafkaIngest.DEAD_LETTERS,
                List.of(unknownSystem, invalid));
        assertThat(dead).extracting(r -> TestTopics.header(r, DeadLetters.CODE))
                .containsExactly("risk.unknown-ai-system", "ingest.schema-invalid");
        assertThat(dead).allSatisfy(r -> assertThat(TestTopics.header(r, DeadLetters.REASON)).isNotBlank());
    }
}
