package io.aimsledger.controls.control.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.reference.AnnexA;
import io.aimsledger.contracts.risk.v1.Rating;
import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.contracts.risk.v1.RiskDetails;
import io.aimsledger.contracts.risk.v1.RiskEvent;
import io.aimsledger.contracts.risk.v1.Treatment;
import io.aimsledger.contracts.risk.v1.TreatmentOption;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.TestTopics;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The Annex A catalogue, custom controls, the rules of applicability and implementation, and risks relying on controls. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "controls"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class CatalogueTest {

    private static final String CONTROLS = "/api/v1/controls";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON);
    }

    @Test
    void aNewInstallListsThe38AnnexAControlsWithTheReferenceTitles() {
        List<Map<String, Object>> annexA = new ArrayList<>();
        String cursor = null;
        do {
            var page = as("dave").queryParam("limit", 20).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(CONTROLS).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream().filter(item -> "ISO42001_ANNEX_A".equals(item.get("source"))).forEach(annexA::add);
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(annexA).hasSize(38);
        for (AnnexA.Control control : AnnexA.controls()) {
            assertThat(annexA).anySatisfy(item -> {
                assertThat(item.get("id")).isEqualTo(control.id());
                assertThat(item.get("title")).isEqualTo(control.title());
                assertThat(item.get("objectiveId")).isEqualTo(control.objectiveId());
            });
        }
        as("dave").get(CONTROLS + "/A.6.2.4").then().statusCode(200).header("ETag", "\"1\"")
                .body("applicability", equalTo("UNDECIDED")).body("implementationStatus", equalTo("NOT_STARTED"))
                .body("mappings.framework", hasItem("NIST_AI_RMF"));
        as("dave").queryParam("framework", "EU_AI_ACT").get(CONTROLS).then().statusCode(200);
        as("dave").get(CONTROLS + "/A.99.9").then().statusCode(404).body("code", equalTo("control.not-found"));
        as("dave").queryParam("framework", "SOX").get(CONTROLS).then().statusCode(400);
    }

    @Test
    void customControlsApplicabilityImplementationOwnersAndTests() {
        String id = "MODEL-CARDS-" + UUID.randomUUID().toString().substring(0, 8);
        as("alice").body(Map.of("id", id, "title", "Model cards for every release", "description", "A card per model"))
                .post(CONTROLS).then().statusCode(201).header("Location", "/api/v1/controls/" + id)
                .body("source", equalTo("CUSTOM")).body("applicability", equalTo("UNDECIDED"));
        as("alice").body(Map.of("id", id, "title", "again")).post(CONTROLS).then().statusCode(409)
                .body("code", equalTo("control.exists"));
        as("alice").body(Map.of("id", "A.6.2.4", "title", "shadow")).post(CONTROLS).then().statusCode(409)
                .body("code", equalTo("control.exists"));
        as("alice").body(Map.of("id", "bad id!", "title", "t")).post(CONTROLS).then().statusCode(400);
        as("dave").body(Map.of("id", "X-" + UUID.randomUUID(), "title", "t")).post(CONTROLS).then().statusCode(403);

        as("alice").body(Map.of("status", "PLANNED")).post(CONTROLS + "/{id}/implementation", id).then().statusCode(409)
                .body("code", equalTo("control.not-applicable"));
        as("alice").body(Map.of("applicability", "APPLICABLE")).put(CONTROLS + "/{id}/applicability", id).then()
                .statusCode(400).body("violations[0].field", equalTo("justification"));
        as("alice").body(Map.of("applicability", "APPLICABLE", "justification", "we publish models"))
                .put(CONTROLS + "/{id}/applicability", id).then().statusCode(200)
                .body("applicability", equalTo("APPLICABLE")).body("justification", equalTo("we publish models"));
        as("alice").body(Map.of("owner", "frank")).put(CONTROLS + "/{id}/owner", id).then().statusCode(200)
                .body("owner", equalTo("frank"));
        as("alice").body(Map.of("status", "IN_PROGRESS", "description", "template agreed", "targetDate", "2026-12-31"))
                .post(CONTROLS + "/{id}/implementation", id).then().statusCode(200)
                .body("implementationStatus", equalTo("IN_PROGRESS")).body("targetDate", equalTo("2026-12-31"));
        as("alice").body(Map.of("result", "PASS", "method", "m", "testedAt", "2026-06-01T00:00:00Z"))
                .post(CONTROLS + "/{id}/tests", id).then().statusCode(422).body("code", equalTo("time.before-creation"));
        String testedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        as("alice").body(Map.of("result", "PARTIAL", "method", "sample of 10 releases", "testedAt", testedAt))
                .post(CONTROLS + "/{id}/tests", id).then().statusCode(201).body("lastTest.result", equalTo("PARTIAL"))
                .body("lastTest.by", equalTo("alice")).body("lastTest.at", equalTo(testedAt));
        as("alice").body(Map.of("result", "MAYBE", "method", "m")).post(CONTROLS + "/{id}/tests", id).then().statusCode(400);

        assertThat(as("dave").queryParam("owner", "frank").queryParam("applicability", "APPLICABLE")
                .queryParam("implementationStatus", "IN_PROGRESS").get(CONTROLS).then().statusCode(200).extract()
                .<List<String>>path("items.id")).containsExactly(id);
        as("dave").get(CONTROLS + "/{id}", id).then().body("mappings.size()", equalTo(0))
                .body("linkedRiskIds.size()", equalTo(0)).body("evidence.accepted", equalTo(0));
    }

    @Test
    void aRiskTreatmentNamingAnUndecidedControlMakesItApplicableAndAnOpenRiskKeepsItIncluded() throws Exception {
        String control = "RISK-FLOW-" + UUID.randomUUID().toString().substring(0, 8);
        as("alice").body(Map.of("id", control, "title", "Bias review board")).post(CONTROLS).then().statusCode(201);
        UUID risk = UUID.randomUUID();
        publish(risk, 1, new RiskEvent.RiskIdentified(risk, List.of(UUID.randomUUID()),
                new RiskDetails("Unfair denials", null, RiskCategory.BIAS_FAIRNESS, null, "alice", null), 9));
        publish(risk, 2, new RiskEvent.RiskAssessed(risk, new Rating(4, 4), null, "alice", 9));
        UUID treatment = publish(risk, 3, new RiskEvent.TreatmentPlanned(risk, new Treatment(TreatmentOption.MITIGATE,
                "review", List.of(control, "A.9.9.9"), null)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("dave").get(CONTROLS + "/{id}", control).then()
                .body("applicability", equalTo("APPLICABLE"))
                .body("justification", equalTo("selected to treat risk " + risk))
                .body("linkedRiskIds", equalTo(List.of(risk.toString()))));
        assertThat(count("select count(*) from event_store where stream_id = '" + control + "' and causation_id = '"
                + treatment + "' and actor = 'system'")).isEqualTo(2);
        as("alice").body(Map.of("applicability", "NOT_APPLICABLE", "justification", "not needed"))
                .put(CONTROLS + "/{id}/applicability", control).then().statusCode(409)
                .body("code", equalTo("control.required-by-risk"));

        publish(risk, 4, new RiskEvent.RiskClosed(risk, "system retired"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("dave").get(CONTROLS + "/{id}", control).then()
                .body("linkedRiskIds.size()", equalTo(0)));
        as("alice").body(Map.of("applicability", "NOT_APPLICABLE", "justification", "not needed any more"))
                .put(CONTROLS + "/{id}/applicability", control).then().statusCode(200)
                .body("applicability", equalTo("NOT_APPLICABLE")).body("lastTest", nullValue());
    }

    private static UUID publish(UUID risk, long version, RiskEvent event) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] cloudEvent = CloudEventCodec.toJson(new EventEnvelope(id, Contracts.REGISTRY.typeOf(event), "/aims/risk",
                risk.toString(), Instant.now(), version, "alice", id.toString(), null, null, PayloadCodec.write(event)));
        TestTopics.send(Contracts.RISK_V1.topic(), risk.toString(), new String(cloudEvent, StandardCharsets.UTF_8));
        return id;
    }

    private static long count(String sql) throws Exception {
        try (var connection = TestServers.postgres().connect("controls"); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
