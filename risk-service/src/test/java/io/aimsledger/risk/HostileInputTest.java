package io.aimsledger.risk;

import static io.aimsledger.risk.support.RiskApi.ASSESSMENTS;
import static io.aimsledger.risk.support.RiskApi.RISKS;
import static io.aimsledger.risk.support.RiskApi.as;
import static io.aimsledger.testkit.HostileInput.Kind.DATE;
import static io.aimsledger.testkit.HostileInput.Kind.ENUM;
import static io.aimsledger.testkit.HostileInput.Kind.ID;
import static io.aimsledger.testkit.HostileInput.Kind.ID_LIST;
import static io.aimsledger.testkit.HostileInput.Kind.INSTANT;
import static io.aimsledger.testkit.HostileInput.Kind.LIST;
import static io.aimsledger.testkit.HostileInput.Kind.REQUIRED_TEXT;
import static io.aimsledger.testkit.HostileInput.Kind.SCORE;
import static io.aimsledger.testkit.HostileInput.Kind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.risk.support.RiskApi;
import io.aimsledger.testkit.HostileInput;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Thousands of bad bodies and parameters against every write of risk-service: each a 4xx problem, nothing appended. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = RiskApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class HostileInputTest {

    private static final int PER_ENDPOINT = 200;

    private record Endpoint(String user, String method, String path, String contentType, String validBody,
                            Map<String, HostileInput.Kind> fields) {
    }

    @Test
    void everyHostileBodyAndParameterIsAClientProblemAndAppendsNothing() throws Exception {
        UUID system = RiskApi.aiSystem();
        String risk = RiskApi.identified(system, "alice");
        // Every write reachable, so that a body wrongly taken as valid would be applied and be seen.
        as("alice").body(Map.of("likelihood", 3, "impact", 3)).post(RISKS + "/{id}/assessment", risk).then().statusCode(200);
        as("alice").body(Map.of("option", "MITIGATE")).post(RISKS + "/{id}/treatment", risk).then().statusCode(200);
        String assessment = as("alice").body(Map.of("aiSystemId", system, "scope", "s")).post(ASSESSMENTS).then()
                .statusCode(201).extract().path("id");
        String submitted = as("alice").body(Map.of("aiSystemId", system, "scope", "s")).post(ASSESSMENTS).then()
                .statusCode(201).extract().path("id");
        as("alice").body(Map.of("stakeholderGroup", "g", "dimension", "SAFETY", "description", "d", "severity", 1,
                "likelihood", 1)).post(ASSESSMENTS + "/{id}/impacts", submitted).then().statusCode(201);
        as("alice").post(ASSESSMENTS + "/{id}/submit", submitted).then().statusCode(200);
        String signal = "[{\"specversion\": \"1.0\", \"id\": \"hostile-1\", \"source\": \"/hostile\", "
                + "\"type\": \"io.aimsledger.ingest.risk-signal.v1\", \"data\": {\"aiSystemId\": \"" + system + "\", "
                + "\"category\": \"SAFETY\", \"metric\": \"m\", \"value\": 2, \"threshold\": 1, "
                + "\"observedAt\": \"2026-06-01T00:00:00Z\"}}]";
        RestAssured.given().auth().oauth2(Tokens.forIntegration()).contentType("application/cloudevents-batch+json")
                .body(signal).post("/api/v1/ingest").then().statusCode(202);
        List<Endpoint> endpoints = List.of(
                new Endpoint("alice", "POST", RISKS, "application/json", "{\"aiSystemIds\": [\"" + system + "\"], "
                        + "\"title\": \"t\", \"category\": \"SAFETY\", \"owner\": \"o\", \"description\": \"d\", "
                        + "\"source\": \"s\", \"reviewDue\": \"2026-12-31\", \"effectiveAt\": \"2026-06-01T00:00:00Z\"}",
                        Map.of("aiSystemIds", ID_LIST, "title", REQUIRED_TEXT, "category", ENUM, "owner", REQUIRED_TEXT,
                                "description", TEXT, "source", TEXT, "reviewDue", DATE, "effectiveAt", INSTANT)),
                new Endpoint("alice", "PATCH", RISKS + "/" + risk, "application/merge-patch+json",
                        "{\"title\": \"t2\", \"category\": \"PRIVACY\", \"reviewDue\": \"2026-12-31\"}",
                        Map.of("title", REQUIRED_TEXT, "category", ENUM, "reviewDue", DATE)),
                new Endpoint("alice", "POST", RISKS + "/" + risk + "/assessment", "application/json",
                        "{\"likelihood\": 3, \"impact\": 4, \"rationale\": \"r\"}",
                        Map.of("likelihood", SCORE, "impact", SCORE, "rationale", TEXT)),
                new Endpoint("alice", "POST", RISKS + "/" + risk + "/treatment", "application/json",
                        "{\"option\": \"MITIGATE\", \"plan\": \"p\", \"controlIds\": [\"A.6.2.4\"], \"dueDate\": \"2026-12-31\"}",
                        Map.of("option", ENUM, "plan", TEXT, "controlIds", LIST, "dueDate", DATE)),
                new Endpoint("alice", "POST", RISKS + "/" + risk + "/residual", "application/json",
                        "{\"likelihood\": 1, \"impact\": 2, \"rationale\": \"r\"}",
                        Map.of("likelihood", SCORE, "impact", SCORE, "rationale", TEXT)),
                new Endpoint("bob", "POST", RISKS + "/" + risk + "/acceptance", "application/json",
                        "{\"rationale\": \"r\", \"expiresAt\": \"2030-01-01T00:00:00Z\"}",
                        Map.of("rationale", REQUIRED_TEXT, "expiresAt", INSTANT)),
                new Endpoint("alice", "POST", RISKS + "/" + risk + "/close", "application/json",
                        "{\"reason\": \"r\"}", Map.of("reason", TEXT)),
                new Endpoint("alice", "POST", ASSESSMENTS, "application/json",
                        "{\"aiSystemId\": \"" + system + "\", \"scope\": \"s\"}",
                        Map.of("aiSystemId", ID, "scope", REQUIRED_TEXT)),
                new Endpoint("alice", "POST", ASSESSMENTS + "/" + assessment + "/impacts", "application/json",
                        "{\"stakeholderGroup\": \"g\", \"dimension\": \"SAFETY\", \"description\": \"d\", "
                                + "\"severity\": 3, \"likelihood\": 2, \"mitigation\": \"m\"}",
                        Map.of("stakeholderGroup", REQUIRED_TEXT, "dimension", ENUM, "description", REQUIRED_TEXT,
                                "severity", SCORE, "likelihood", SCORE, "mitigation", TEXT)),
                new Endpoint("bob", "POST", ASSESSMENTS + "/" + submitted + "/approve", "application/json",
                        "{\"comment\": \"c\", \"nextReviewDue\": \"2027-01-01\"}",
                        Map.of("comment", TEXT, "nextReviewDue", DATE)),
                new Endpoint("integration", "POST", "/api/v1/ingest", "application/cloudevents-batch+json", signal,
                        Map.of("specversion", REQUIRED_TEXT, "metric", REQUIRED_TEXT, "category", ENUM,
                                "observedAt", INSTANT, "aiSystemId", ID)));
        long eventsBefore = RiskApi.count("select count(*) from event_store");

        int sent = 0;
        List<String> failures = new ArrayList<>();
        var hostile = new HostileInput(17);
        for (Endpoint endpoint : endpoints) {
            String token = endpoint.user().equals("integration") ? Tokens.forIntegration() : Tokens.forUser(endpoint.user());
            for (byte[] body : hostile.bodies(endpoint.validBody(), endpoint.fields(), PER_ENDPOINT)) {
                Response response = RestAssured.given().auth().oauth2(token).contentType(endpoint.contentType())
                        .body(body).request(endpoint.method(), endpoint.path());
                sent++;
                boolean problem = response.statusCode() >= 400 && response.statusCode() < 500
                        && String.valueOf(response.contentType()).startsWith("application/problem+json");
                boolean noEventApplied = endpoint.path().endsWith("ingest") && response.statusCode() == 202
                        && response.jsonPath().getList("results.status").stream().noneMatch("APPLIED"::equals);
                if (!problem && !noEventApplied) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " -> " + response.statusCode() + " "
                            + abbreviate(new String(body, StandardCharsets.UTF_8)) + " => " + abbreviate(response.asString()));
                }
            }
        }
        for (String bad : List.of("x", "1", "' or 1=1 --", UUID.randomUUID() + "x", "%00", "%F0%28%8C%BC")) {
            for (String path : List.of(RISKS + "/" + bad + "/close", ASSESSMENTS + "/" + bad + "/submit",
                    ASSESSMENTS + "/" + assessment + "/impacts/" + bad)) {
                Response response = as("alice").body(Map.of("reason", "r"))
                        .request(path.contains("/impacts/") ? "DELETE" : "POST", path);
                sent++;
                if (response.statusCode() != 400 && response.statusCode() != 404) {
                    failures.add(path + " -> " + response.statusCode());
                }
            }
            for (String parameter : List.of("aiSystemId", "status", "level", "overAppetite", "limit", "cursor")) {
                if (parameter.equals("limit") && bad.equals("1")) {
                    continue; // a limit of 1 is a good one
                }
                Response response = as("dave").queryParam(parameter, bad).get(RISKS);
                sent++;
                if (response.statusCode() != 400) {
                    failures.add(RISKS + "?" + parameter + "=" + bad + " -> " + response.statusCode());
                }
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(2_000);
        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
        assertThat(RiskApi.count("select count(*) from event_store")).isEqualTo(eventsBefore);
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
