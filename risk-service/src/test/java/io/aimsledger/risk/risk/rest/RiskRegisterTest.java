package io.aimsledger.risk.risk.rest;

import static io.aimsledger.risk.support.RiskApi.PROBLEM;
import static io.aimsledger.risk.support.RiskApi.RISKS;
import static io.aimsledger.risk.support.RiskApi.as;
import static io.aimsledger.risk.support.RiskApi.identified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.risk.support.RiskApi;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The risk register over HTTP: every endpoint, its status codes and problem codes (API.md, "risk-service"). */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = RiskApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class RiskRegisterTest {

    private static Map<String, Object> rating(int likelihood, int impact) {
        return Map.of("likelihood", likelihood, "impact", impact, "rationale", "seen in the pilot");
    }

    @Test
    void aRiskIsIdentifiedAgainstKnownActiveAiSystemsOnly() throws Exception {
        UUID system = RiskApi.aiSystem();
        var response = as("alice").body(Map.of("aiSystemIds", List.of(system), "title", "Unfair denials",
                "category", "BIAS_FAIRNESS", "owner", "alice", "reviewDue", "2026-12-31")).post(RISKS);
        response.then().statusCode(201).header("Location", startsWith("/api/v1/risks/")).header("ETag", "\"1\"")
                .body("status", equalTo("IDENTIFIED")).body("aiSystemIds[0]", equalTo(system.toString()))
                .body("overAppetite", equalTo(false)).body("inherent", nullValue()).body("version", equalTo(1))
                .body("reviewDue", equalTo("2026-12-31")).body("signals.size()", equalTo(0));
        String id = response.path("id");
        as("dave").get(RISKS + "/{id}", id).then().statusCode(200).header("ETag", "\"1\"").body("title",
                equalTo("Unfair denials"));

        as("alice").body(Map.of("aiSystemIds", List.of(UUID.randomUUID()), "title", "t", "category", "OTHER",
                "owner", "alice")).post(RISKS).then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("risk.unknown-ai-system"));
        RiskApi.publish(system, new InventoryEvent.AiSystemRetired(system, "replaced", LifecycleStage.INCEPTION));
        as("alice").body(Map.of("aiSystemIds", List.of(system), "title", "t", "category", "OTHER", "owner", "alice"))
                .post(RISKS).then().statusCode(422).body("code", equalTo("risk.ai-system-retired"));
        as("alice").body(Map.of("aiSystemIds", List.of(), "title", "t", "category", "OTHER", "owner", "alice"))
                .post(RISKS).then().statusCode(400).body("violations[0].field", equalTo("aiSystemIds"));
        as("alice").body("{\"aiSystemIds\": [\"" + system + "\"], \"title\": \"t\", \"category\": \"NOPE\", "
                + "\"owner\": \"a\"}").post(RISKS).then().statusCode(400).contentType(PROBLEM);
        as("dave").body(Map.of("aiSystemIds", List.of(system), "title", "t", "category", "OTHER", "owner", "alice"))
                .post(RISKS).then().statusCode(403);
        as("dave").get(RISKS + "/{id}", UUID.randomUUID()).then().statusCode(404).body("code", equalTo("risk.not-found"));
        as("dave").get(RISKS + "/not-a-uuid").then().statusCode(400);
    }

    @Test
    void theStatusFlowsFromIdentifiedToAcceptedWithScoresLevelsAndAppetite() throws Exception {
        String id = identified(RiskApi.aiSystem(), "alice");
        as("alice").body(Map.of("option", "MITIGATE", "plan", "p")).post(RISKS + "/{id}/treatment", id).then()
                .statusCode(409).body("code", equalTo("risk.not-assessed"));
        as("alice").body(rating(4, 4)).post(RISKS + "/{id}/residual", id).then().statusCode(409)
                .body("code", equalTo("risk.no-treatment"));

        as("alice").body(rating(4, 4)).post(RISKS + "/{id}/assessment", id).then().statusCode(200)
                .body("status", equalTo("ASSESSED")).body("inherent.score", equalTo(16))
                .body("inherent.level", equalTo("HIGH")).body("overAppetite", equalTo(true));
        as("alice").body(Map.of("option", "MITIGATE", "plan", "Reweigh", "controlIds", List.of("A.7.4", "A.6.2.4"),
                "dueDate", "2026-09-30")).post(RISKS + "/{id}/treatment", id).then().statusCode(200)
                .body("status", equalTo("TREATMENT_PLANNED")).body("treatment.controlIds", equalTo(List.of("A.7.4", "A.6.2.4")))
                .body("treatment.dueDate", equalTo("2026-09-30"));
        as("alice").body(Map.of("option", "MITIGATE", "controlIds", List.of("A.99.1"))).post(RISKS + "/{id}/treatment", id)
                .then().statusCode(422).body("code", equalTo("risk.unknown-control"));
        as("alice").body(rating(2, 3)).post(RISKS + "/{id}/residual", id).then().statusCode(200)
                .body("status", equalTo("TREATED")).body("residual.score", equalTo(6))
                .body("residual.level", equalTo("MEDIUM")).body("overAppetite", equalTo(false));

        as("alice").body(Map.of("rationale", "within appetite")).post(RISKS + "/{id}/acceptance", id).then()
                .statusCode(403);
        as("dave").body(Map.of("rationale", "within appetite")).post(RISKS + "/{id}/acceptance", id).then()
                .statusCode(403);
        JsonPath accepted = as("bob").body(Map.of("rationale", "within appetite",
                        "expiresAt", Instant.now().plusSeconds(86_400 * 365).toString()))
                .post(RISKS + "/{id}/acceptance", id).then().statusCode(200).extract().jsonPath();
        assertThat(accepted.getString("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.getString("acceptance.acceptedBy")).isEqualTo("bob");
        assertThat(accepted.getInt("acceptance.riskVersion")).isEqualTo(4);
        assertThat(accepted.getBoolean("acceptance.stale")).isFalse();

        as("alice").body(rating(5, 4)).post(RISKS + "/{id}/assessment", id).then().statusCode(200)
                .body("status", equalTo("TREATED")).body("acceptance.stale", equalTo(true))
                .body("acceptance.riskVersion", equalTo(4));
    }

    @Test
    void fourEyesTheOwnerOrTheLastAssessorMayNotAccept() throws Exception {
        UUID system = RiskApi.aiSystem();
        String ownedByBob = identified(system, "bob");
        as("alice").body(rating(3, 3)).post(RISKS + "/{id}/assessment", ownedByBob).then().statusCode(200);
        as("bob").body(Map.of("rationale", "mine")).post(RISKS + "/{id}/acceptance", ownedByBob).then().statusCode(409)
                .contentType(PROBLEM).body("code", equalTo("approval.same-person"));

        String assessedByErin = identified(system, "alice");
        as("erin").body(rating(3, 3)).post(RISKS + "/{id}/assessment", assessedByErin).then().statusCode(200);
        as("erin").body(Map.of("rationale", "I assessed it")).post(RISKS + "/{id}/acceptance", assessedByErin).then()
                .statusCode(409).body("code", equalTo("approval.same-person"));
        as("bob").body(Map.of("rationale", "another pair of eyes")).post(RISKS + "/{id}/acceptance", assessedByErin)
                .then().statusCode(200).body("acceptance.acceptedBy", equalTo("bob"));
        as("bob").body(Map.of("rationale", "r", "expiresAt", "2020-01-01T00:00:00Z"))
                .post(RISKS + "/{id}/acceptance", assessedByErin).then().statusCode(422)
                .body("code", equalTo("risk.acceptance-expiry-past"));
    }

    @Test
    void detailsArePatchedAndAClosedRiskChangesOnlyByReopening() throws Exception {
        String id = identified(RiskApi.aiSystem(), "alice");
        as("alice").contentType("application/merge-patch+json").body(Map.of("owner", "frank", "reviewDue", "2027-01-31"))
                .patch(RISKS + "/{id}", id).then().statusCode(200).body("owner", equalTo("frank"))
                .body("reviewDue", equalTo("2027-01-31")).body("version", equalTo(2));
        as("alice").contentType("application/merge-patch+json").body("{\"title\": null}").patch(RISKS + "/{id}", id)
                .then().statusCode(400).body("violations[0].field", equalTo("title"));
        as("alice").contentType("application/merge-patch+json").body("{\"status\": \"CLOSED\"}").patch(RISKS + "/{id}", id)
                .then().statusCode(400).body("violations[0].field", equalTo("status"));

        as("alice").body(Map.of("reason", "decommissioned")).post(RISKS + "/{id}/close", id).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        as("alice").contentType("application/merge-patch+json").body(Map.of("title", "x")).patch(RISKS + "/{id}", id)
                .then().statusCode(409).body("code", equalTo("risk.closed"));
        as("alice").body(rating(1, 1)).post(RISKS + "/{id}/assessment", id).then().statusCode(409)
                .body("code", equalTo("risk.closed"));
        as("alice").body(Map.of("reason", "again")).post(RISKS + "/{id}/close", id).then().statusCode(409)
                .body("code", equalTo("risk.closed"));
        as("alice").body(Map.of("reason", "it is back")).post(RISKS + "/{id}/reopen", id).then().statusCode(200)
                .body("status", equalTo("IDENTIFIED"));
        as("alice").body(Map.of("reason", "it is back")).post(RISKS + "/{id}/reopen", id).then().statusCode(409)
                .body("code", equalTo("risk.not-closed"));
    }

    @Test
    void listsFilterOnTheReadModelAndPage() throws Exception {
        UUID system = RiskApi.aiSystem();
        String owner = "owner-" + UUID.randomUUID();
        String high = identified(system, owner);
        String low = identified(system, owner);
        String untouched = identified(system, owner);
        as("alice").body(rating(4, 5)).post(RISKS + "/{id}/assessment", high).then().statusCode(200);
        as("alice").body(rating(1, 2)).post(RISKS + "/{id}/assessment", low).then().statusCode(200);

        assertThat(ids(Map.of("aiSystemId", system.toString()))).containsExactly(high, low, untouched);
        assertThat(ids(Map.of("owner", owner, "level", "CRITICAL"))).containsExactly(high);
        assertThat(ids(Map.of("owner", owner, "overAppetite", "true"))).containsExactly(high);
        assertThat(ids(Map.of("owner", owner, "status", "IDENTIFIED"))).containsExactly(untouched);
        JsonPath first = as("dave").queryParam("owner", owner).queryParam("limit", 2).get(RISKS).then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(high, low);
        as("dave").queryParam("owner", owner).queryParam("cursor", first.getString("nextCursor")).get(RISKS).then()
                .body("items.id", equalTo(List.of(untouched))).body("nextCursor", nullValue());
        as("dave").queryParam("level", "EXTREME").get(RISKS).then().statusCode(400).contentType(PROBLEM);
        as("dave").queryParam("overAppetite", "maybe").get(RISKS).then().statusCode(400);
        as("dave").queryParam("aiSystemId", "x").get(RISKS).then().statusCode(400);
    }

    @Test
    void writesHonourIfMatchIdempotencyKeysAndValidTime() throws Exception {
        String id = identified(RiskApi.aiSystem(), "alice");
        as("alice").header("If-Match", "\"7\"").body(rating(2, 2)).post(RISKS + "/{id}/assessment", id).then()
                .statusCode(412).body("code", equalTo("concurrency.version-mismatch"));
        as("alice").header("If-Match", "\"1\"").body(rating(2, 2)).post(RISKS + "/{id}/assessment", id).then()
                .statusCode(200).header("ETag", "\"2\"");
        String key = UUID.randomUUID().toString();
        as("alice").header("Idempotency-Key", key).body(rating(3, 2)).post(RISKS + "/{id}/assessment", id).then()
                .statusCode(200).body("version", equalTo(3));
        as("alice").header("Idempotency-Key", key).body(rating(3, 2)).post(RISKS + "/{id}/assessment", id).then()
                .statusCode(200).body("version", equalTo(3));
        as("alice").header("Idempotency-Key", key).body(rating(4, 2)).post(RISKS + "/{id}/assessment", id).then()
                .statusCode(422).body("code", equalTo("idempotency.key-reused"));
        as("alice").body(Map.of("likelihood", 1, "impact", 1, "effectiveAt", Instant.now().plusSeconds(3600).toString()))
                .post(RISKS + "/{id}/assessment", id).then().statusCode(400).body("code", equalTo("time.in-future"));
    }

    @Test
    void aTreatmentMayNameACustomControlOnceTheControlsServiceHasPublishedIt() throws Exception {
        String id = identified(RiskApi.aiSystem(), "alice");
        as("alice").body(rating(3, 3)).post(RISKS + "/{id}/assessment", id).then().statusCode(200);
        String custom = "MODEL-CARDS-" + UUID.randomUUID().toString().substring(0, 8);
        as("alice").body(Map.of("option", "MITIGATE", "controlIds", List.of(custom))).post(RISKS + "/{id}/treatment", id)
                .then().statusCode(422).body("code", equalTo("risk.unknown-control"));

        var catalogued = new ControlEvent.ControlCatalogued(custom, ControlSource.CUSTOM, null, null, "Model cards",
                null, null);
        byte[] event = CloudEventCodec.toJson(new EventEnvelope(UUID.randomUUID(), Contracts.REGISTRY.typeOf(catalogued),
                "/aims/controls", custom, Instant.now(), 1, "alice", null, null, null, PayloadCodec.write(catalogued)));
        TestTopics.send(Contracts.CONTROLS_V1.topic(), custom, new String(event, StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("alice")
                .body(Map.of("option", "MITIGATE", "controlIds", List.of(custom, "A.6.2.4")))
                .post(RISKS + "/{id}/treatment", id).then().statusCode(200)
                .body("treatment.controlIds", equalTo(List.of(custom, "A.6.2.4"))));
    }

    private static List<String> ids(Map<String, String> query) {
        return as("dave").queryParams(query).get(RISKS).then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
