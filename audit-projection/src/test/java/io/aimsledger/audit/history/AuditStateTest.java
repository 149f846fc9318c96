package io.aimsledger.audit.history;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.audit.TestEvents;
import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
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
class AuditStateTest {

    private static final String AI_SYSTEMS = "/api/v1/audit/ai-systems";

    private static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.forUser("carol"));
    }

    private static Description description(String name) {
        return new Description(name, null, "Score loan applications", "alice", null, OrganizationRole.DEPLOYER,
                AiTechnique.MACHINE_LEARNING, null, null, List.of(), null);
    }

    private static void publish(UUID id, long version, String occurredAt, InventoryEvent event) throws Exception {
        TestEvents.publish(id, version, occurredAt, event);
    }

    private static void awaitVersions(UUID id, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> auditor().get(AI_SYSTEMS + "/{id}/history", id)
                .then().statusCode(200).body("$", hasSize(count)));
    }

    @Test
    void anAiSystemIsAnsweredAsItStoodAndAsItWasKnown() throws Exception {
        UUID id = UUID.randomUUID();
        publish(id, 1, "2026-01-10T09:00:00Z", new InventoryEvent.AiSystemRegistered(id, description("Scorer"), null));
        publish(id, 2, "2026-02-10T09:00:00Z", new InventoryEvent.AiSystemClassified(id, EuAiActRiskClass.HIGH_RISK,
                "Annex III 5(b)"));
        publish(id, 3, "2026-03-10T09:00:00Z", new InventoryEvent.AiSystemLifecycleStageChanged(id,
                LifecycleStage.INCEPTION, LifecycleStage.DESIGN_DEVELOPMENT, "go"));
        awaitVersions(id, 3);
        Instant knownBeforeTheLateEvent = Instant.now();
        // The late event must be recorded after that instant: wait for the clock, not for a guessed time.
        await().until(() -> Instant.now().isAfter(knownBeforeTheLateEvent));

        auditor().queryParam("asOf", "2026-01-15T00:00:00Z").get(AI_SYSTEMS + "/{id}", id).then().statusCode(200)
                .body("name", equalTo("Scorer")).body("euAiActRiskClass", equalTo("UNCLASSIFIED"))
                .body("version", equalTo(1)).body("asOf", equalTo("2026-01-15T00:00:00Z"))
                .body("knownAt", notNullValue()).body("complete", notNullValue());
        auditor().queryParam("asOf", "2026-02-15T00:00:00Z").get(AI_SYSTEMS + "/{id}", id).then()
                .body("euAiActRiskClass", equalTo("HIGH_RISK")).body("lifecycleStage", equalTo("INCEPTION"));
        auditor().queryParam("asOf", "2026-01-01T00:00:00Z").get(AI_SYSTEMS + "/{id}", id).then().statusCode(404)
                .body("code", equalTo("audit.not-found-at-time"));

        // Recorded late: the renaming took effect on 1 February, before the classification already known.
        publish(id, 4, "2026-02-01T09:00:00Z", new InventoryEvent.AiSystemDescriptionChanged(id,
                description("Credit scorer"), List.of("name")));
        awaitVersions(id, 4);

        auditor().queryParam("asOf", "2026-02-05T00:00:00Z").get(AI_SYSTEMS + "/{id}", id).then()
                .body("name", equalTo("Credit scorer")).body("euAiActRiskClass", equalTo("UNCLASSIFIED"));
        auditor().queryParam("asOf", "2026-02-15T00:00:00Z").get(AI_SYSTEMS + "/{id}", id).then()
                .body("name", equalTo("Credit scorer")).body("euAiActRiskClass", equalTo("HIGH_RISK"));
        auditor().queryParam("asOf", "2026-02-15T00:00:00Z").queryParam("knownAt", knownBeforeTheLateEvent.toString())
                .get(AI_SYSTEMS + "/{id}", id).then()
                .body("name", equalTo("Scorer")).body("euAiActRiskClass", equalTo("HIGH_RISK"));
        auditor().get(AI_SYSTEMS + "/{id}/history", id).then()
                .body("validFrom", contains("2026-01-10T09:00:00Z", "2026-02-01T09:00:00Z", "2026-02-10T09:00:00Z",
                        "2026-03-10T09:00:00Z"))
                .body("eventType", contains("io.aimsledger.inventory.ai-system-registered.v1",
                        "io.aimsledger.inventory.ai-system-description-changed.v1",
                        "io.aimsledger.inventory.ai-system-classified.v1",
                        "io.aimsledger.inventory.ai-system-lifecycle-stage-changed.v1"))
                .body("[3].validTo", equalTo(null))
                .body("[3].state.lifecycleStage", equalTo("DESIGN_DEVELOPMENT"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> auditor()
                .queryParam("asOf", "2026-02-15T00:00:00Z").get("/api/v1/audit/state").then().statusCode(200)
                .body("aiSystems.id", hasItem(id.toString())).body("complete", equalTo(true))
                .body("risks", hasSize(0)).body("asOf", equalTo("2026-02-15T00:00:00Z")));
        auditor().queryParam("asOf", "2026-01-01T00:00:00Z").get("/api/v1/audit/state").then()
                .body("aiSystems.id", not(hasItem(id.toString())));

        String mine = "changes.find { it.entityId == '" + id + "' }";
        auditor().queryParam("from", "2026-01-15T00:00:00Z").queryParam("to", "2026-02-15T00:00:00Z")
                .get("/api/v1/audit/diff").then().statusCode(200)
                .body(mine + ".change", equalTo("UPDATED"))
                .body(mine + ".entityType", equalTo("ai-system"))
                .body(mine + ".before.name", equalTo("Scorer"))
                .body(mine + ".after.name", equalTo("Credit scorer"))
                .body(mine + ".after.euAiActRiskClass", equalTo("HIGH_RISK"))
                .body(mine + ".eventIds", hasSize(2));
        auditor().queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-01-15T00:00:00Z")
                .get("/api/v1/audit/diff").then().body(mine + ".change", equalTo("CREATED"))
                .body(mine + ".before", nullValue());

        // A rebuild from the log gives the same answers, in both times, over many instants.
        Instant knownAfterEverything = Instant.now();
        List<Object> before = stateOverTime(knownBeforeTheLateEvent, knownAfterEverything);
        String history = auditor().get(AI_SYSTEMS + "/{id}/history", id).then().extract().asString();
        String knownBefore = auditor().queryParam("asOf", "2026-02-15T00:00:00Z")
                .queryParam("knownAt", knownBeforeTheLateEvent.toString()).get(AI_SYSTEMS + "/{id}", id)
                .then().extract().asString();
        given().auth().oauth2(Tokens.forUser("admin")).contentType("application/json").body("{}")
                .post("/api/v1/audit/admin/rebuild").then().statusCode(200).body("eventsReplayed", greaterThan(3));
        auditor().get(AI_SYSTEMS + "/{id}/history", id).then().body(equalTo(history));
        org.assertj.core.api.Assertions.assertThat(stateOverTime(knownBeforeTheLateEvent, knownAfterEverything))
                .isEqualTo(before);
        auditor().queryParam("asOf", "2026-02-15T00:00:00Z").queryParam("knownAt", knownBeforeTheLateEvent.toString())
                .get(AI_SYSTEMS + "/{id}", id).then().body(equalTo(knownBefore));
    }

    /** The AI systems of the whole state at every fifth day of the test's valid time, as known at each time. */
    private static List<Object> stateOverTime(Instant... knownAts) {
        List<Object> answers = new java.util.ArrayList<>();
        for (Instant knownAt : knownAts) {
            for (Instant asOf = Instant.parse("2026-01-05T00:00:00Z"); asOf.isBefore(Instant.parse("2026-03-20T00:00:00Z"));
                 asOf = asOf.plus(Duration.ofDays(5))) {
                answers.add(auditor().queryParam("asOf", asOf.toString()).queryParam("knownAt", knownAt.toString())
                        .get("/api/v1/audit/state").then().statusCode(200).extract().path("aiSystems"));
            }
        }
        return answers;
    }

    @Test
    void badTimesAndIdsAreProblemsAndOnlyAuditReadersAsk() {
        auditor().queryParam("asOf", "last tuesday").get("/api/v1/audit/state").then().statusCode(400)
                .body("violations[0].field", equalTo("asOf"));
        auditor().get(AI_SYSTEMS + "/{id}", "nope").then().statusCode(404).body("code", equalTo("audit.not-found-at-time"));
        auditor().get("/api/v1/audit/unicorns/{id}", "nope").then().statusCode(404).body("code", equalTo("resource.not-found"));
        given().auth().oauth2(Tokens.forUser("alice")).get("/api/v1/audit/state").then().statusCode(403);
        auditor().queryParam("from", "2026-02-01T00:00:00Z").get("/api/v1/audit/diff").then().statusCode(400);
        given().auth().oauth2(Tokens.forUser("carol")).contentType("application/json").body("{}")
                .post("/api/v1/audit/admin/rebuild").then().statusCode(403);
    }
}
