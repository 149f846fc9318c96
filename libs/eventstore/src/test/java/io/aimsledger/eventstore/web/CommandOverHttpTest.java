package io.aimsledger.eventstore.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** ETag, If-Match, Idempotency-Key and domain refusals as every service's clients see them. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "eventstore_http"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class CommandOverHttpTest {

    private final String alice = Tokens.forUser("alice");

    private String open(int limit) {
        return given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"limit\":" + limit + "}")
                .post("/api/v1/test-counters")
                .then().statusCode(201).header("ETag", "\"1\"")
                .header("Location", startsWith("/api/v1/test-counters/"))
                .extract().path("id");
    }

    @Test
    void aWriteAnswersWithTheViewAndItsVersionAsETag() {
        String id = open(10);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"by\":3}")
                .post("/api/v1/test-counters/{id}/increments", id)
                .then().statusCode(200).header("ETag", "\"2\"").body("value", equalTo(3)).body("version", equalTo(2));
    }

    @Test
    void theReadModelEntityIsWrittenInTheCommandsTransaction() {
        String id = open(10);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"by\":4}")
                .post("/api/v1/test-counters/{id}/increments", id).then().statusCode(200);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"by\":40}")
                .post("/api/v1/test-counters/{id}/increments", id).then().statusCode(409);

        given().auth().oauth2(alice).get("/api/v1/test-counters/{id}", id)
                .then().statusCode(200).body("value", equalTo(4)).body("limit", equalTo(10)).body("version", equalTo(2));
    }

    @Test
    void aStaleIfMatchIsA412AndAMalformedOneA400() {
        String id = open(10);
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"by\":1}")
                .post("/api/v1/test-counters/{id}/increments", id).then().statusCode(200);
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"by\":1}")
                .post("/api/v1/test-counters/{id}/increments", id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("code", equalTo("concurrency.version-mismatch"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", "yesterday").body("{\"by\":1}")
                .post("/api/v1/test-counters/{id}/increments", id)
                .then().statusCode(400).body("code", equalTo("request.validation"))
                .body("violations[0].field", equalTo("If-Match"));
    }

    @Test
    void aDomainRefusalIsAProblemWithItsCode() {
        String id = open(2);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"by\":5}")
                .post("/api/v1/test-counters/{id}/increments", id)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("counter.limit"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"by\":1}")
                .post("/api/v1/test-counters/{id}/increments", "3f1f5a43-4b6f-4a9c-9d55-2b8c3a0c7e11")
                .then().statusCode(404).body("code", equalTo("counter.not-found"));
    }

    @Test
    void anIdempotentRepeatReplaysTheFirstResponseAndAnotherBodyIsA422() {
        String first = given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", "open-once")
                .body("{\"limit\":7}").post("/api/v1/test-counters")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", "open-once")
                .body("{\"limit\":7}").post("/api/v1/test-counters")
                .then().statusCode(201).header("ETag", "\"1\"").header("Idempotent-Replayed", "true")
                .header("Location", "/api/v1/test-counters/" + first).body("id", equalTo(first));
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", "open-once")
                .body("{\"limit\":8}").post("/api/v1/test-counters")
                .then().statusCode(422).body("code", equalTo("idempotency.key-reused"));
    }
}
