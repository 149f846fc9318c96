package io.aimsledger.risk.impact.rest;

import static io.aimsledger.risk.support.RiskApi.ASSESSMENTS;
import static io.aimsledger.risk.support.RiskApi.PROBLEM;
import static io.aimsledger.risk.support.RiskApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.risk.support.RiskApi;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** AI system impact assessments over HTTP, four eyes with the realm's users, and staleness from inventory events. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = RiskApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class ImpactAssessmentsTest {

    private static final Map<String, Object> IMPACT = Map.of("stakeholderGroup", "applicants", "dimension", "FAIRNESS",
            "description", "Qualified applicants denied", "severity", 4, "likelihood", 3,
            "mitigation", "Human review of denials");

    private static String started(UUID system, String assessor) {
        return as(assessor).body(Map.of("aiSystemId", system, "scope", "Credit decisions in retail lending"))
                .post(ASSESSMENTS).then().statusCode(201).extract().path("id");
    }

    private static String approved(UUID system) {
        String id = started(system, "alice");
        as("alice").body(IMPACT).post(ASSESSMENTS + "/{id}/impacts", id).then().statusCode(201);
        as("alice").post(ASSESSMENTS + "/{id}/submit", id).then().statusCode(200);
        as("bob").body(Map.of("comment", "thorough")).post(ASSESSMENTS + "/{id}/approve", id).then().statusCode(200);
        return id;
    }

    @Test
    void anAssessmentIsWrittenSubmittedAndDecidedByAnotherPerson() throws Exception {
        UUID system = RiskApi.aiSystem();
        var created = as("alice").body(Map.of("aiSystemId", system, "scope", "Credit decisions")).post(ASSESSMENTS);
        created.then().statusCode(201).header("Location", startsWith("/api/v1/impact-assessments/"))
                .body("status", equalTo("DRAFT")).body("assessor", equalTo("alice")).body("stale", equalTo(false));
        String id = created.path("id");

        as("alice").post(ASSESSMENTS + "/{id}/submit", id).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("impact-assessment.empty"));
        JsonPath withImpact = as("alice").body(IMPACT).post(ASSESSMENTS + "/{id}/impacts", id).then().statusCode(201)
                .extract().jsonPath();
        assertThat(withImpact.getList("impacts")).hasSize(1);
        String impactId = withImpact.getString("impacts[0].id");
        as("alice").body(Map.of("stakeholderGroup", "staff", "dimension", "PRIVACY", "description", "Monitored",
                "severity", 2, "likelihood", 2)).post(ASSESSMENTS + "/{id}/impacts", id).then().statusCode(201);
        String second = as("dave").get(ASSESSMENTS + "/{id}", id).then().statusCode(200).extract().path("impacts[1].id");
        as("alice").delete(ASSESSMENTS + "/{id}/impacts/{impactId}", id, second).then().statusCode(200)
                .body("impacts.size()", equalTo(1));
        as("alice").delete(ASSESSMENTS + "/{id}/impacts/{impactId}", id, UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("impact-assessment.impact-not-found"));

        as("alice").post(ASSESSMENTS + "/{id}/submit", id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as("alice").body(IMPACT).post(ASSESSMENTS + "/{id}/impacts", id).then().statusCode(409)
                .body("code", equalTo("impact-assessment.not-editable"));
        as("alice").delete(ASSESSMENTS + "/{id}/impacts/{impactId}", id, impactId).then().statusCode(409)
                .body("code", equalTo("impact-assessment.not-editable"));
        as("alice").body(Map.of("comment", "my own")).post(ASSESSMENTS + "/{id}/approve", id).then().statusCode(403);
        as("dave").body(Map.of("comment", "no")).post(ASSESSMENTS + "/{id}/reject", id).then().statusCode(403);

        as("bob").body(Map.of("comment", "missing groups")).post(ASSESSMENTS + "/{id}/reject", id).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decision.by", equalTo("bob"))
                .body("decision.comment", equalTo("missing groups"));
        as("alice").body(IMPACT).post(ASSESSMENTS + "/{id}/impacts", id).then().statusCode(201);
        as("alice").post(ASSESSMENTS + "/{id}/submit", id).then().statusCode(200);
        JsonPath decided = as("bob").body(Map.of("comment", "thorough")).post(ASSESSMENTS + "/{id}/approve", id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(decided.getString("status")).isEqualTo("APPROVED");
        assertThat(decided.getString("nextReviewDue")).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        as("bob").body(Map.of("comment", "again")).post(ASSESSMENTS + "/{id}/approve", id).then().statusCode(409)
                .body("code", equalTo("impact-assessment.not-submitted"));
        as("dave").get(ASSESSMENTS + "/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("impact-assessment.not-found"));
    }

    @Test
    void theAssessorMayNotDecideOnTheirOwnAssessment() throws Exception {
        String id = started(RiskApi.aiSystem(), "erin");
        as("erin").body(IMPACT).post(ASSESSMENTS + "/{id}/impacts", id).then().statusCode(201);
        // Submitting takes no body: a client may leave out the content type too.
        io.restassured.RestAssured.given().auth().oauth2(io.aimsledger.testkit.Tokens.forUser("erin"))
                .post(ASSESSMENTS + "/{id}/submit", id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as("erin").body(Map.of("comment", "mine")).post(ASSESSMENTS + "/{id}/approve", id).then().statusCode(409)
                .body("code", equalTo("approval.same-person"));
        as("erin").body(Map.of("comment", "mine")).post(ASSESSMENTS + "/{id}/reject", id).then().statusCode(409)
                .body("code", equalTo("approval.same-person"));
        as("bob").body(Map.of("comment", "ok", "nextReviewDue", "2027-03-31")).post(ASSESSMENTS + "/{id}/approve", id)
                .then().statusCode(200).body("nextReviewDue", equalTo("2027-03-31"));
    }

    @Test
    void anUnknownOrRetiredAiSystemIsRefused() throws Exception {
        as("alice").body(Map.of("aiSystemId", UUID.randomUUID(), "scope", "s")).post(ASSESSMENTS).then().statusCode(422)
                .body("code", equalTo("risk.unknown-ai-system"));
        UUID system = RiskApi.aiSystem();
        RiskApi.publish(system, new InventoryEvent.AiSystemRetired(system, "replaced", LifecycleStage.INCEPTION));
        as("alice").body(Map.of("aiSystemId", system, "scope", "s")).post(ASSESSMENTS).then().statusCode(422)
                .body("code", equalTo("risk.ai-system-retired"));
    }

    @Test
    void aMaterialChangeOfTheAiSystemMakesItsApprovedAssessmentsStaleCausedByTheInventoryEvent() throws Exception {
        UUID system = RiskApi.aiSystem();
        String approved = approved(system);
        String draft = started(system, "alice");
        RiskApi.publish(system, new InventoryEvent.AiSystemDescriptionChanged(system, null, List.of("name")));
        as("dave").get(ASSESSMENTS + "/{id}", approved).then().body("stale", equalTo(false));

        UUID modelAdded = RiskApi.publish(system, new InventoryEvent.ModelAdded(system, UUID.randomUUID(), "scorer",
                "2.0", "in-house", null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("dave").get(ASSESSMENTS + "/{id}", approved)
                .then().body("stale", equalTo(true)).body("staleReason", equalTo(
                        "The AI system changed: model scorer 2.0 added (ModelAdded).")));
        as("dave").get(ASSESSMENTS + "/{id}", draft).then().body("stale", equalTo(false));
        as("dave").queryParam("aiSystemId", system.toString()).queryParam("stale", "true").get(ASSESSMENTS).then()
                .body("items.id", equalTo(List.of(approved)));
        assertThat(RiskApi.count("select count(*) from event_store where stream_id = '" + approved
                + "' and event_type = 'io.aimsledger.risk.impact-assessment-marked-stale.v1' and causation_id = '" + modelAdded
                + "' and actor = 'system'")).isEqualTo(1);

        RiskApi.publish(system, new InventoryEvent.AiSystemClassified(system, EuAiActRiskClass.HIGH_RISK, "Annex III"));
        assertThat(RiskApi.count("select count(*) from event_store where stream_id = '" + approved + "' and event_type = "
                + "'io.aimsledger.risk.impact-assessment-marked-stale.v1'")).as("stale once").isEqualTo(1);
    }
}
