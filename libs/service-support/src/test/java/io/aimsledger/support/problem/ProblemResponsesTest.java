package io.aimsledger.support.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";
    private static String editor;

    @BeforeAll
    static void token() {
        editor = Tokens.forUser("alice");
    }

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(editor).contentType("application/json");
    }

    @Test
    void aValidBodyIsAccepted() {
        asEditor().body("{\"name\":\"n\",\"colour\":\"RED\",\"count\":2,\"items\":[{\"name\":\"i\"}]}")
                .when().post("/api/v1/test-probe")
                .then().statusCode(200).body("colour", is("RED"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        asEditor().body("{\"name\":\"n\",\"colour\":\"RED\",\"count\":\"many\"}")
                .when().post("/api/v1/test-probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("code", is("request.malformed"))
                .body("violations[0].field", is("count"))
                .body("violations[0].message", is("must be a number"));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        asEditor().body("{\"name\":\"n\",\"colour\":\"PURPLE\",\"count\":1}")
                .when().post("/api/v1/test-probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("colour"))
                .body("violations[0].message", is("must be one of RED, GREEN"));
    }

    @Test
    void anUnknownFieldIsRejected() {
        asEditor().body("{\"name\":\"n\",\"colour\":\"RED\",\"count\":1,\"actor\":\"mallory\"}")
                .when().post("/api/v1/test-probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("actor"))
                .body("violations[0].message", is("is not a known field"));
    }

    @Test
    void constraintViolationsAreListedPerField() {
        asEditor().body("{\"name\":\" \",\"colour\":null,\"count\":9,\"items\":[{\"name\":\"\"}]}")
                .when().post("/api/v1/test-probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("code", is("request.validation"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("colour"))
                .body("violations.field", hasItem("count"))
                .body("violations.field", hasItem("items[0].name"));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        asEditor().body("")
                .when().post("/api/v1/test-probe")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void deeplyNestedJsonIsABadRequestNotAServerError() {
        asEditor().body("[".repeat(5000) + "]".repeat(5000))
                .when().post("/api/v1/test-probe")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aBodyOverTheLimitIsABadRequestProblem() {
        asEditor().body("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .when().post("/api/v1/test-probe")
                .then().statusCode(400).contentType(PROBLEM).body("code", is("request.too-large"));
    }

    @Test
    void anUnsupportedMediaTypeIsAProblem() {
        given().auth().oauth2(editor).contentType("text/plain").body("hello")
                .when().post("/api/v1/test-probe")
                .then().statusCode(415).contentType(PROBLEM).body("code", is("request.unsupported-media-type"));
    }

    @Test
    void aWrongMethodIsAProblem() {
        given().auth().oauth2(editor)
                .when().delete("/api/v1/test-probe")
                .then().statusCode(405).contentType(PROBLEM).body("code", is("request.method-not-allowed"));
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutInternals() {
        given().auth().oauth2(editor)
                .when().get("/api/v1/test-probe/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("code", is("internal.error"))
                .body("detail", startsWith("Something went wrong"))
                .body("detail", not(containsString("Hidden")));
    }
}
