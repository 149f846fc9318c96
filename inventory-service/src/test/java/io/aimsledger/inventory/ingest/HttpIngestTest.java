package io.aimsledger.inventory.ingest;

import static io.aimsledger.inventory.ingest.InboundEvents.at;
import static io.aimsledger.inventory.ingest.InboundEvents.discovered;
import static io.aimsledger.inventory.ingest.InboundEvents.event;
import static io.aimsledger.inventory.ingest.InboundEvents.modelRegistered;
import static io.aimsledger.inventory.ingest.InboundEvents.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "inventory"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class HttpIngestTest {

    private static final String INGEST = "/api/v1/ingest";
    private static final String SINGLE = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";
    private static final String INTEGRATION = Tokens.forIntegration();

    private static RequestSpecification integration(String contentType) {
        return given().auth().oauth2(INTEGRATION).contentType(contentType);
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(Tokens.forUser("dave"));
    }

    @Test
    void aDiscoveredSystemIsRegisteredOncePerExternalReference() {
        String ref = "mlflow:" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        String first = newId();
        integration(SINGLE).body(discovered(first, ref, owner)).post(INGEST)
                .then().statusCode(202).body("results[0].id", equalTo(first))
                .body("results[0].status", equalTo("APPLIED"));
        integration(SINGLE).body(discovered(first, ref, owner)).post(INGEST)
                .then().statusCode(202).body("results[0].status", equalTo("DUPLICATE"));
        integration(SINGLE).body(discovered(newId(), ref, owner)).post(INGEST)
                .then().statusCode(202).body("results[0].status", equalTo("APPLIED"));

        reader().queryParam("owner", owner).get("/api/v1/ai-systems").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].externalRef", equalTo(ref))
                .body("items[0].organizationRole", equalTo("DEPLOYER"));
        String id = reader().queryParam("owner", owner).get("/api/v1/ai-systems").then().extract().path("items[0].id");
        reader().get("/api/v1/ai-systems/{id}/events", id).then().statusCode(200)
                .body("actor", contains("service-account-ci-pipeline"));
    }

    @Test
    void anEventTakesEffectAtItsTimeAndOneFarAheadOfTheClockIsRefused() {
        String ref = "mlflow:" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        Instant happened = Instant.parse("2026-02-10T08:30:00Z");
        integration(SINGLE).body(at(discovered(newId(), ref, owner), happened)).post(INGEST)
                .then().statusCode(202).body("results[0].status", equalTo("APPLIED"));
        String ahead = newId();
        integration(SINGLE).body(at(modelRegistered(ahead, ref), Instant.now().plus(Duration.ofHours(1)))).post(INGEST)
                .then().statusCode(202).body("results[0].status", equalTo("REJECTED"))
                .body("results[0].code", equalTo("time.in-future"));
        integration(SINGLE).body(at(modelRegistered(newId(), ref), happened.minus(Duration.ofDays(1)))).post(INGEST)
                .then().statusCode(202).body("results[0].status", equalTo("REJECTED"))
                .body("results[0].code", equalTo("time.before-creation"));

        reader().queryParam("owner", owner).get("/api/v1/ai-systems").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].createdAt", equalTo(happened.toString()))
                .body("items[0].models", hasSize(0)).body("items[0].version", equalTo(1));
    }

    @Test
    void aModelVersionIsAddedToTheSystemItNamesOnce() {
        String ref = "mlflow:" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        integration(SINGLE).body(discovered(newId(), ref, owner)).post(INGEST).then().statusCode(202);
        String model = newId();
        integration(SINGLE).body(modelRegistered(model, ref)).post(INGEST)
                .then().statusCode(202).body("results[0].status", equalTo("APPLIED"));
        integration(SINGLE).body(modelRegistered(model, ref)).post(INGEST)
                .then().statusCode(202).body("results[0].status", equalTo("DUPLICATE"));

        reader().queryParam("owner", owner).get("/api/v1/ai-systems").then()
                .body("items[0].models", hasSize(1)).body("items[0].models[0].name", equalTo("fraud-gbm"));
    }

    @Test
    void eachEventOfABatchGetsItsOwnResult() {
        String ref = "mlflow:" + UUID.randomUUID();
        String batch = "[" + String.join(",",
                discovered("d-" + newId(), ref, "owner-" + UUID.randomUUID()),
                modelRegistered("m-" + newId(), ref),
                event("s-" + newId(), InboundEvents.DISCOVERED, "{\"name\": 42}"),
                event("u-" + newId(), "io.aimsledger.ingest.unknown.v1", "{}"),
                modelRegistered("n-" + newId(), "mlflow:nobody-" + UUID.randomUUID()),
                "{\"id\": \"broken\", \"specversion\": \"1.0\"}",
                event("e-" + newId(), InboundEvents.DISCOVERED, "{\"externalRef\": \"x\", \"name\": \"\", \"purpose\": \"p\"}"))
                + "]";

        integration(BATCH).body(batch).post(INGEST).then().statusCode(202)
                .body("results.status", contains("APPLIED", "APPLIED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("results[2].code", equalTo("ingest.schema-invalid"))
                .body("results[3].code", equalTo("ingest.unknown-type"))
                .body("results[4].code", equalTo("ai-system.not-found"))
                .body("results[5].code", equalTo("cloudevent.invalid"))
                .body("results[5].id", equalTo("broken"))
                .body("results[6].code", equalTo("ingest.schema-invalid"));
    }

    @Test
    void textThatCannotBeStoredAnywhereInABatchMakesItABadRequestNamingWhere() {
        String batch = "[" + discovered("a-" + newId(), "mlflow:" + UUID.randomUUID(), "x") + ","
                + discovered("z-" + newId(), "mlflow:nul\\u0000" + UUID.randomUUID(), "x") + "]";

        integration(BATCH).body(batch).post(INGEST).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("[1].data.externalRef"));
    }

    @Test
    void aCloudEventWithAnEmptyIdOrSourceIsNotApplied() {
        for (String event : new String[] {
                "{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/test\",\"type\":\"" + InboundEvents.DISCOVERED
                        + "\",\"data\":{\"externalRef\":\"r\",\"name\":\"n\",\"purpose\":\"p\"}}",
                "{\"specversion\":\"1.0\",\"id\":\"" + newId() + "\",\"source\":\"\",\"type\":\"" + InboundEvents.DISCOVERED
                        + "\",\"data\":{\"externalRef\":\"r\",\"name\":\"n\",\"purpose\":\"p\"}}"}) {
            integration(SINGLE).body(event).post(INGEST).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("cloudevent.invalid"))
                    .body("detail", not(containsString("Exception")));
            integration(BATCH).body("[" + event + "]").post(INGEST).then().statusCode(400);
        }
    }

    @Test
    void aBodyThatIsNotCloudEventsIsABadRequest() {
        integration(SINGLE).body("{\"hello\": \"world\"}").post(INGEST).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("cloudevent.invalid"));
        integration(SINGLE).body("not json").post(INGEST).then().statusCode(400);
        integration(BATCH).body("{\"not\": \"an array\"}").post(INGEST).then().statusCode(400);
        integration("application/json").body("[]").post(INGEST).then().statusCode(415);
    }

    @Test
    void onlyIntegrationsAndAdminsIngest() {
        String body = discovered(newId(), "mlflow:" + UUID.randomUUID(), "x");
        given().auth().oauth2(Tokens.forUser("alice")).contentType(SINGLE).body(body).post(INGEST)
                .then().statusCode(403);
        given().contentType(SINGLE).body(body).post(INGEST).then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("admin")).contentType(SINGLE).body(body).post(INGEST)
                .then().statusCode(202).body("results[0].status", equalTo("APPLIED"));
    }
}
