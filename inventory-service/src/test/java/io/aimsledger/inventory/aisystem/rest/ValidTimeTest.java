package io.aimsledger.inventory.aisystem.rest;

import static io.aimsledger.inventory.aisystem.rest.InventoryApi.AI_SYSTEMS;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.PROBLEM;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every write takes an optional effectiveAt; a stream is folded in the order its changes took effect. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "inventory"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class ValidTimeTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static String registeredAt(String name, Instant effectiveAt) {
        return as("alice").body("""
                        {"name": "%s", "purpose": "Score loan applications", "owner": "alice",
                         "organizationRole": "DEPLOYER", "effectiveAt": "%s"}""".formatted(name, effectiveAt))
                .post(AI_SYSTEMS).then().statusCode(201)
                .body("createdAt", equalTo(effectiveAt.toString())).body("updatedAt", equalTo(effectiveAt.toString()))
                .extract().path("id");
    }

    @Test
    void aBackDatedChangeTakesEffectAtItsTimeAndALaterChangeStillHolds() {
        Instant registered = Instant.parse("2026-01-05T09:00:00Z");
        String id = registeredAt("Back-dated", registered);
        as("alice").contentType(MERGE_PATCH).body("{\"vendor\": \"Later Corp\"}").patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(200).body("vendor", equalTo("Later Corp"));
        Instant updated = Instant.parse(as("alice").get(AI_SYSTEMS + "/{id}", id).then().extract().path("updatedAt"));

        as("alice").contentType(MERGE_PATCH)
                .body("{\"vendor\": \"Earlier Ltd\", \"effectiveAt\": \"2026-02-01T00:00:00Z\"}")
                .patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(200).header("ETag", "\"3\"")
                .body("vendor", equalTo("Later Corp")).body("version", equalTo(3))
                .body("createdAt", equalTo(registered.toString())).body("updatedAt", equalTo(updated.toString()));
        as("alice").get(AI_SYSTEMS + "/{id}/events", id).then().statusCode(200)
                .body("[2].time", equalTo("2026-02-01T00:00:00Z")).body("[2].data.description.vendor", equalTo("Earlier Ltd"));
        as("alice").get(AI_SYSTEMS + "/{id}", id).then().body("vendor", equalTo("Later Corp")).body("version", equalTo(3));
    }

    @Test
    void aChangeCannotTakeEffectInTheFutureOrBeforeTheSystemExisted() {
        String id = registeredAt("Bounded", Instant.parse("2026-03-01T00:00:00Z"));
        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();

        as("alice").body("{\"euAiActRiskClass\": \"LIMITED_RISK\", \"rationale\": \"chat\", \"effectiveAt\": \"" + future + "\"}")
                .post(AI_SYSTEMS + "/{id}/classification", id)
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("time.in-future"))
                .body("violations[0].field", equalTo("effectiveAt"));
        as("alice").body("{\"euAiActRiskClass\": \"LIMITED_RISK\", \"rationale\": \"chat\", "
                        + "\"effectiveAt\": \"2026-02-01T00:00:00Z\"}")
                .post(AI_SYSTEMS + "/{id}/classification", id)
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("time.before-creation"));
        as("alice").contentType(MERGE_PATCH).body("{\"vendor\": \"X\", \"effectiveAt\": 5}").patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(400).body("violations[0].field", equalTo("effectiveAt"));
        as("alice").body(registration("Futuristic", future)).post(AI_SYSTEMS)
                .then().statusCode(400).body("code", equalTo("time.in-future"));
        as("alice").get(AI_SYSTEMS + "/{id}", id).then().body("version", equalTo(1))
                .body("euAiActRiskClass", equalTo("UNCLASSIFIED"));
    }

    @Test
    void aRemovalTakesItsEffectiveTimeFromTheQuery() {
        String id = registeredAt("Removal", Instant.parse("2026-03-01T00:00:00Z"));
        String modelId = as("alice").body("{\"name\": \"m\", \"version\": \"1\", \"effectiveAt\": \"2026-03-02T00:00:00Z\"}")
                .post(AI_SYSTEMS + "/{id}/models", id).then().statusCode(201)
                .body("updatedAt", equalTo("2026-03-02T00:00:00Z")).extract().path("models[0].id");

        as("alice").delete(AI_SYSTEMS + "/{id}/models/{modelId}?effectiveAt=2026-03-03T00:00:00Z", id, modelId)
                .then().statusCode(200).body("models.size()", equalTo(0)).body("updatedAt", equalTo("2026-03-03T00:00:00Z"));
    }

    private static String registration(String name, String effectiveAt) {
        return """
                {"name": "%s", "purpose": "p", "owner": "alice", "organizationRole": "DEPLOYER", "effectiveAt": "%s"}"""
                .formatted(name, effectiveAt);
    }
}
