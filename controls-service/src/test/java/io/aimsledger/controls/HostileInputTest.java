package io.aimsledger.controls;

import static io.aimsledger.testkit.HostileInput.Kind.DATE;
import static io.aimsledger.testkit.HostileInput.Kind.ENUM;
import static io.aimsledger.testkit.HostileInput.Kind.INSTANT;
import static io.aimsledger.testkit.HostileInput.Kind.REQUIRED_TEXT;
import static io.aimsledger.testkit.HostileInput.Kind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.HostileInput;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Thousands of bad bodies and parameters against every write of controls-service: each a 4xx problem, nothing appended. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "controls"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class HostileInputTest {

    private static final int PER_ENDPOINT = 330;
    private static final String CONTROLS = "/api/v1/controls";

    private record Endpoint(String method, String path, String validBody, Map<String, HostileInput.Kind> fields) {
    }

    @Test
    void everyHostileBodyAndParameterIsAClientProblemAndAppendsNothing() throws Exception {
        String token = Tokens.forUser("alice");
        // An applicable control, so that every write is reachable and a body wrongly taken as valid would be applied.
        String applicable = "HOSTILE-" + UUID.randomUUID().toString().substring(0, 8);
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("id", applicable, "title", "t"))
                .post(CONTROLS).then().statusCode(201);
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("applicability", "APPLICABLE", "justification", "j")).put(CONTROLS + "/" + applicable
                        + "/applicability").then().statusCode(200);
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", CONTROLS, "{\"id\": \"X-1\", \"title\": \"t\", \"description\": \"d\", "
                        + "\"effectiveAt\": \"2026-06-01T00:00:00Z\"}",
                        Map.of("id", REQUIRED_TEXT, "title", REQUIRED_TEXT, "description", TEXT, "effectiveAt", INSTANT)),
                new Endpoint("PUT", CONTROLS + "/" + applicable + "/applicability",
                        "{\"applicability\": \"NOT_APPLICABLE\", \"justification\": \"no\"}",
                        Map.of("applicability", ENUM, "justification", REQUIRED_TEXT)),
                new Endpoint("PUT", CONTROLS + "/" + applicable + "/owner", "{\"owner\": \"frank\"}",
                        Map.of("owner", REQUIRED_TEXT)),
                new Endpoint("POST", CONTROLS + "/" + applicable + "/implementation",
                        "{\"status\": \"PLANNED\", \"description\": \"d\", \"targetDate\": \"2026-12-31\"}",
                        Map.of("status", ENUM, "description", TEXT, "targetDate", DATE)),
                new Endpoint("POST", CONTROLS + "/" + applicable + "/tests",
                        "{\"result\": \"PASS\", \"method\": \"m\", \"notes\": \"n\"}",
                        Map.of("result", ENUM, "method", REQUIRED_TEXT, "notes", TEXT)),
                new Endpoint("POST", CONTROLS + "/" + applicable + "/tests",
                        "{\"result\": \"PASS\", \"method\": \"m\", \"testedAt\": \"2026-12-01T00:00:00Z\"}",
                        Map.of("testedAt", INSTANT)));
        long eventsBefore = count();

        int sent = 0;
        List<String> failures = new ArrayList<>();
        var hostile = new HostileInput(23);
        for (Endpoint endpoint : endpoints) {
            for (byte[] body : hostile.bodies(endpoint.validBody(), endpoint.fields(), PER_ENDPOINT)) {
                Response response = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .request(endpoint.method(), endpoint.path());
                sent++;
                boolean problem = response.statusCode() >= 400 && response.statusCode() < 500
                        && String.valueOf(response.contentType()).startsWith("application/problem+json");
                if (!problem) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " -> " + response.statusCode() + " "
                            + abbreviate(new String(body, StandardCharsets.UTF_8)));
                }
            }
        }
        for (String bad : List.of("x y", "' or 1=1 --", "%00", "..", "a".repeat(65), "%F0%28%8C%BC")) {
            Response response = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("owner", "o")).put(CONTROLS + "/" + bad + "/owner");
            sent++;
            if (response.statusCode() != 400 && response.statusCode() != 404) {
                failures.add(bad + " -> " + response.statusCode());
            }
            for (String parameter : List.of("applicability", "implementationStatus", "framework", "limit", "cursor")) {
                Response list = RestAssured.given().auth().oauth2(token).queryParam(parameter, bad).get(CONTROLS);
                sent++;
                if (list.statusCode() != 400) {
                    failures.add(CONTROLS + "?" + parameter + "=" + bad + " -> " + list.statusCode());
                }
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(2_000);
        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
        assertThat(count()).isEqualTo(eventsBefore);
    }

    private static long count() throws Exception {
        try (var connection = TestServers.postgres().connect("controls"); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from event_store")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
