package io.aimsledger.inventory.aisystem.rest;

import static io.aimsledger.inventory.aisystem.rest.InventoryApi.AI_SYSTEMS;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.PROBLEM;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.as;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.registered;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "inventory"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class AiSystemRegistrationTest {

    @Test
    void registeringAnswersTheNewViewWithLocationAndETag() {
        String id = as("alice").body(registration("Credit scoring")).post(AI_SYSTEMS)
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Credit scoring"))
                .body("lifecycleStage", equalTo("INCEPTION"))
                .body("euAiActRiskClass", equalTo("UNCLASSIFIED"))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .body("affectedStakeholders", contains("applicants"))
                .body("models", empty()).body("datasets", empty())
                .body("createdAt", notNullValue()).body("updatedAt", notNullValue())
                .body("classificationRationale", nullValue())
                .extract().path("id");

        as("dave").get(AI_SYSTEMS + "/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("id", equalTo(id)).body("owner", equalTo("alice"))
                .body("name", equalTo("Credit scoring")).body("version", equalTo(1));
    }

    @Test
    void theLocationNamesTheNewSystem() {
        var response = as("alice").body(registration("Chatbot")).post(AI_SYSTEMS).then().statusCode(201).extract();
        assertThat(response.header("Location")).endsWith("/api/v1/ai-systems/" + response.path("id"));
    }

    @Test
    void invalidRegistrationsAreProblemsNamingTheFields() {
        as("alice").body("{\"purpose\": \"x\", \"owner\": \"alice\", \"organizationRole\": \"DEPLOYER\"}").post(AI_SYSTEMS)
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("request.validation"))
                .body("violations.field", hasItem("name"));
        as("alice").body(registration("x").replace("DEPLOYER", "OVERLORD")).post(AI_SYSTEMS)
                .then().statusCode(400).contentType(PROBLEM);
        as("alice").body(registration("x").replace("\"vendor\"", "\"colour\"")).post(AI_SYSTEMS)
                .then().statusCode(400).contentType(PROBLEM);
        as("alice").body(registration("n".repeat(201))).post(AI_SYSTEMS)
                .then().statusCode(400).body("violations.field", hasItem("name"));
    }

    @Test
    void anUnknownOrMalformedIdIsAProblem() {
        as("dave").get(AI_SYSTEMS + "/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("ai-system.not-found"));
        as("dave").get(AI_SYSTEMS + "/{id}", "not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void readersReadWritersWriteIntegrationsOnlyIngest() {
        String id = registered("Roles");
        for (String reader : List.of("dave", "bob", "carol", "admin")) {
            as(reader).get(AI_SYSTEMS + "/{id}", id).then().statusCode(200);
        }
        as("dave").body(registration("Not allowed")).post(AI_SYSTEMS).then().statusCode(403).contentType(PROBLEM);
        as("admin").body(registration("Admin may")).post(AI_SYSTEMS).then().statusCode(201);
        String integration = Tokens.forIntegration();
        RestAssured.given().auth().oauth2(integration).get(AI_SYSTEMS + "/{id}", id).then().statusCode(403);
        RestAssured.given().auth().oauth2(integration).contentType(ContentType.JSON).body(registration("Nope"))
                .post(AI_SYSTEMS).then().statusCode(403);
        RestAssured.given().get(AI_SYSTEMS).then().statusCode(401);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String key = "register-" + UUID.randomUUID();
        var first = as("alice").header("Idempotency-Key", key).body(registration("Once")).post(AI_SYSTEMS)
                .then().statusCode(201).extract();
        as("alice").header("Idempotency-Key", key).body(registration("Once")).post(AI_SYSTEMS)
                .then().statusCode(201).header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
        as("alice").header("Idempotency-Key", key).body(registration("Twice")).post(AI_SYSTEMS)
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("idempotency.key-reused"));
    }

    @Test
    void anExternalReferenceBelongsToOneSystem() {
        String ref = "mlflow:" + UUID.randomUUID();
        String body = registration("Referenced").replace("\"vendor\"", "\"externalRef\": \"" + ref + "\", \"vendor\"");
        as("alice").body(body).post(AI_SYSTEMS).then().statusCode(201).body("externalRef", equalTo(ref));
        as("alice").body(body).post(AI_SYSTEMS).then().statusCode(409)
                .body("code", equalTo("ai-system.external-ref-exists"));
    }

    @Test
    void listsFilterAndPageWithACursor() {
        String owner = "owner-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(as("alice").body(registration("Listed " + i).replace("\"owner\": \"alice\"", "\"owner\": \"" + owner + "\""))
                    .post(AI_SYSTEMS).then().statusCode(201).extract().path("id"));
        }
        InventoryApi.classify(ids.get(0), "HIGH_RISK");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = as("dave").queryParam("owner", owner).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get(AI_SYSTEMS)
                    .then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);

        as("dave").queryParam("owner", owner).queryParam("euAiActRiskClass", "HIGH_RISK").get(AI_SYSTEMS)
                .then().statusCode(200).body("items.id", contains(ids.get(0))).body("nextCursor", nullValue());
        as("dave").queryParam("owner", owner).queryParam("status", "ACTIVE").queryParam("lifecycleStage", "INCEPTION")
                .get(AI_SYSTEMS).then().statusCode(200).body("items.size()", equalTo(5));
        as("dave").queryParam("lifecycleStage", "SOMEWHERE").get(AI_SYSTEMS).then().statusCode(400)
                .body("violations[0].field", equalTo("lifecycleStage"));
        as("dave").queryParam("limit", 501).get(AI_SYSTEMS).then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        as("dave").queryParam("cursor", "forged").get(AI_SYSTEMS).then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }
}
