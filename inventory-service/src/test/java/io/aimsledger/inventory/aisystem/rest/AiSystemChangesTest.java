package io.aimsledger.inventory.aisystem.rest;

import static io.aimsledger.inventory.aisystem.rest.InventoryApi.AI_SYSTEMS;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.PROBLEM;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.as;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.classify;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.moveTo;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.registered;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "inventory"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class AiSystemChangesTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void aMergePatchSetsClearsAndKeepsFields() {
        String id = registered("Patched");
        as("alice").contentType(MERGE_PATCH)
                .body("{\"purpose\": \"Explain loan decisions\", \"vendor\": null, \"affectedStakeholders\": [\"applicants\", \"staff\"]}")
                .patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("purpose", equalTo("Explain loan decisions")).body("vendor", nullValue())
                .body("affectedStakeholders", hasSize(2)).body("name", equalTo("Patched"));
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        String id = registered("Unchanged");
        as("alice").contentType(MERGE_PATCH).body("{\"owner\": \"alice\"}").patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
    }

    @Test
    void aPatchCannotClearARequiredFieldTouchAReadOnlyOneOrUseAWrongType() {
        String id = registered("Strict");
        as("alice").contentType(MERGE_PATCH).body("{\"name\": null}").patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("name"));
        as("alice").contentType(MERGE_PATCH).body("{\"lifecycleStage\": \"DEPLOYMENT\"}").patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(400).body("violations[0].field", equalTo("lifecycleStage"));
        as("alice").contentType(MERGE_PATCH).body("{\"organizationRole\": 7}").patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(400).body("violations[0].field", equalTo("organizationRole"));
        as("alice").contentType(MERGE_PATCH).body("[1, 2]").patch(AI_SYSTEMS + "/{id}", id).then().statusCode(400);
        as("alice").get(AI_SYSTEMS + "/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void aStaleIfMatchIsRefusedWithA412() {
        String id = registered("Contended");
        as("alice").contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"owner\": \"bob\"}")
                .patch(AI_SYSTEMS + "/{id}", id).then().statusCode(200).header("ETag", "\"2\"");
        as("alice").contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"owner\": \"carol\"}")
                .patch(AI_SYSTEMS + "/{id}", id).then().statusCode(412).contentType(PROBLEM)
                .body("code", equalTo("concurrency.version-mismatch"));
        as("alice").get(AI_SYSTEMS + "/{id}", id).then().body("owner", equalTo("bob"));
    }

    @Test
    void theLifeCycleMovesOneStageForwardAndNeedsAClassificationToDeploy() {
        String id = registered("Staged");
        as("alice").body("{\"stage\": \"VERIFICATION_VALIDATION\"}").post(AI_SYSTEMS + "/{id}/lifecycle", id)
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("lifecycle.invalid-transition"));
        moveTo(id, "DESIGN_DEVELOPMENT");
        moveTo(id, "VERIFICATION_VALIDATION");
        as("alice").body("{\"stage\": \"DEPLOYMENT\"}").post(AI_SYSTEMS + "/{id}/lifecycle", id)
                .then().statusCode(409).body("code", equalTo("lifecycle.classification-required"));
        classify(id, "HIGH_RISK");
        as("alice").body("{\"stage\": \"DEPLOYMENT\", \"reason\": \"approved\"}").post(AI_SYSTEMS + "/{id}/lifecycle", id)
                .then().statusCode(200).body("lifecycleStage", equalTo("DEPLOYMENT"))
                .body("euAiActRiskClass", equalTo("HIGH_RISK")).body("classificationRationale", equalTo("Annex III"));
        as("alice").body("{\"stage\": \"INCEPTION\", \"reason\": \"rework\"}").post(AI_SYSTEMS + "/{id}/lifecycle", id)
                .then().statusCode(200).body("lifecycleStage", equalTo("INCEPTION"));
        as("alice").body("{\"stage\": \"RETIRED\"}").post(AI_SYSTEMS + "/{id}/lifecycle", id)
                .then().statusCode(409).body("code", equalTo("lifecycle.invalid-transition"));
        as("alice").body("{\"stage\": \"NOWHERE\"}").post(AI_SYSTEMS + "/{id}/lifecycle", id).then().statusCode(400);
    }

    @Test
    void aProhibitedSystemIsNeverDeployed() {
        String id = registered("Social scoring");
        classify(id, "PROHIBITED");
        moveTo(id, "DESIGN_DEVELOPMENT");
        moveTo(id, "VERIFICATION_VALIDATION");
        as("alice").body("{\"stage\": \"DEPLOYMENT\"}").post(AI_SYSTEMS + "/{id}/lifecycle", id)
                .then().statusCode(409).body("code", equalTo("lifecycle.prohibited"));
    }

    @Test
    void aClassificationNeedsARationale() {
        String id = registered("Unexplained");
        as("alice").body("{\"euAiActRiskClass\": \"MINIMAL_RISK\"}").post(AI_SYSTEMS + "/{id}/classification", id)
                .then().statusCode(400).body("violations.field", hasItem("rationale"));
    }

    @Test
    void modelsAndDatasetsAreAddedAndRemoved() {
        String id = registered("Composed");
        String modelId = as("alice").body("{\"name\": \"scorer\", \"version\": \"2.1\", \"registryUri\": \"mlflow://scorer/2\"}")
                .post(AI_SYSTEMS + "/{id}/models", id)
                .then().statusCode(201).body("models[0].name", equalTo("scorer")).body("models[0].version", equalTo("2.1"))
                .extract().path("models[0].id");
        String datasetId = as("alice").body("{\"name\": \"applications\", \"source\": \"core banking\", \"containsPersonalData\": true}")
                .post(AI_SYSTEMS + "/{id}/datasets", id)
                .then().statusCode(201).body("datasets[0].containsPersonalData", equalTo(true))
                .extract().path("datasets[0].id");
        as("alice").body("{\"name\": \"no version\"}").post(AI_SYSTEMS + "/{id}/models", id).then().statusCode(400);

        as("alice").delete(AI_SYSTEMS + "/{id}/models/{modelId}", id, modelId).then().statusCode(200)
                .body("models", empty());
        as("alice").delete(AI_SYSTEMS + "/{id}/models/{modelId}", id, modelId).then().statusCode(404)
                .body("code", equalTo("model.not-found"));
        as("alice").delete(AI_SYSTEMS + "/{id}/datasets/{datasetId}", id, datasetId).then().statusCode(200)
                .body("datasets", empty());
        as("alice").delete(AI_SYSTEMS + "/{id}/datasets/{datasetId}", id, UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("dataset.not-found"));
        as("alice").delete(AI_SYSTEMS + "/{id}/datasets/{datasetId}", id, "x").then().statusCode(400);
    }

    @Test
    void aRetiredSystemAcceptsNoChange() {
        String id = registered("Retiring");
        as("alice").body("{\"reason\": \"replaced\"}").post(AI_SYSTEMS + "/{id}/retire", id)
                .then().statusCode(200).body("status", equalTo("RETIRED")).body("lifecycleStage", equalTo("RETIRED"));
        as("alice").body("{\"reason\": \"again\"}").post(AI_SYSTEMS + "/{id}/retire", id)
                .then().statusCode(409).body("code", equalTo("ai-system.retired"));
        as("alice").contentType(MERGE_PATCH).body("{\"owner\": \"bob\"}").patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(409).body("code", equalTo("ai-system.retired"));
        as("alice").body("{\"name\": \"m\", \"version\": \"1\"}").post(AI_SYSTEMS + "/{id}/models", id)
                .then().statusCode(409).body("code", equalTo("ai-system.retired"));
        as("alice").body("{\"stage\": \"OPERATION_MONITORING\"}").post(AI_SYSTEMS + "/{id}/lifecycle", id)
                .then().statusCode(409).body("code", equalTo("lifecycle.invalid-transition"));
        as("alice").body("{}").post(AI_SYSTEMS + "/{id}/retire", UUID.randomUUID()).then().statusCode(400);
        as("alice").body("{\"reason\": \"x\"}").post(AI_SYSTEMS + "/{id}/retire", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("ai-system.not-found"));
        as("dave").body("{\"reason\": \"x\"}").post(AI_SYSTEMS + "/{id}/retire", id).then().statusCode(403);
    }

    @Test
    void aWeakIfMatchNeverMatchesAndAStarMatchesTheExistingSystem() {
        String id = registered("Conditional");
        as("alice").contentType(MERGE_PATCH).header("If-Match", "W/\"1\"").body("{\"vendor\": \"Other\"}")
                .patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(412).contentType(PROBLEM).body("code", equalTo("concurrency.version-mismatch"));
        as("alice").contentType(MERGE_PATCH).header("If-Match", "*").body("{\"vendor\": \"Other\"}")
                .patch(AI_SYSTEMS + "/{id}", id)
                .then().statusCode(200).header("ETag", "\"2\"");
        as("alice").contentType(MERGE_PATCH).header("If-Match", "*").body("{\"vendor\": \"Other\"}")
                .patch(AI_SYSTEMS + "/{id}", UUID.randomUUID())
                .then().statusCode(412).contentType(PROBLEM);
    }

    @Test
    void anIdempotencyKeyHoldsOnEveryPost() {
        String id = registered("Idempotent");
        String model = "{\"name\": \"scorer\", \"version\": \"1\"}";
        String key = "models-" + UUID.randomUUID();
        as("alice").header("Idempotency-Key", key).body(model).post(AI_SYSTEMS + "/{id}/models", id)
                .then().statusCode(201).body("models", hasSize(1));
        as("alice").header("Idempotency-Key", key).body(model).post(AI_SYSTEMS + "/{id}/models", id)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("models", hasSize(1));
        as("alice").header("Idempotency-Key", key).body("{\"name\": \"other\", \"version\": \"1\"}")
                .post(AI_SYSTEMS + "/{id}/models", id)
                .then().statusCode(422).body("code", equalTo("idempotency.key-reused"));

        String dataset = "{\"name\": \"loans\", \"source\": \"warehouse\"}";
        String datasetKey = "datasets-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            as("alice").header("Idempotency-Key", datasetKey).body(dataset).post(AI_SYSTEMS + "/{id}/datasets", id)
                    .then().statusCode(201).body("datasets", hasSize(1));
        }
        String classification = "{\"euAiActRiskClass\": \"HIGH_RISK\", \"rationale\": \"Annex III\"}";
        String classificationKey = "classification-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            as("alice").header("Idempotency-Key", classificationKey).body(classification)
                    .post(AI_SYSTEMS + "/{id}/classification", id).then().statusCode(200).header("ETag", "\"4\"");
        }
        String stage = "{\"stage\": \"DESIGN_DEVELOPMENT\", \"reason\": \"ready\"}";
        String stageKey = "lifecycle-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            as("alice").header("Idempotency-Key", stageKey).body(stage).post(AI_SYSTEMS + "/{id}/lifecycle", id)
                    .then().statusCode(200).header("ETag", "\"5\"");
        }
        String retireKey = "retire-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            as("alice").header("Idempotency-Key", retireKey).body("{\"reason\": \"replaced\"}")
                    .post(AI_SYSTEMS + "/{id}/retire", id).then().statusCode(200).header("ETag", "\"6\"");
        }
    }
}
