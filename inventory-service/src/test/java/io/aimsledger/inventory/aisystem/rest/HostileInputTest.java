package io.aimsledger.inventory.aisystem.rest;

import static io.aimsledger.testkit.HostileInput.Kind.BOOLEAN;
import static io.aimsledger.testkit.HostileInput.Kind.ENUM;
import static io.aimsledger.testkit.HostileInput.Kind.LIST;
import static io.aimsledger.testkit.HostileInput.Kind.REQUIRED_TEXT;
import static io.aimsledger.testkit.HostileInput.Kind.TEXT;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.AI_SYSTEMS;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.as;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
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
import io.restassured.response.Response;

/** Thousands of bad bodies against every write endpoint: each a 4xx problem, none a 5xx, nothing stored. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "inventory"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class HostileInputTest {

    private static final int PER_ENDPOINT = 260;

    /** {@code perEventResults}: the ingest answers 202 with a result per event, each REJECTED being a refusal too. */
    private record Endpoint(String method, String path, String contentType, String validBody,
                            Map<String, HostileInput.Kind> fields, boolean perEventResults) {

        Endpoint(String method, String path, String contentType, String validBody, Map<String, HostileInput.Kind> fields) {
            this(method, path, contentType, validBody, fields, false);
        }
    }

    @Test
    void everyHostileBodyIsAClientProblemAndChangesNothing() throws SQLException {
        String id = registered("Target");
        String registration = InventoryApi.registration("Valid").replace("\"vendor\": \"Acme\"",
                "\"vendor\": \"Acme\", \"externalRef\": \"ref\", \"businessUnit\": \"Retail\"");
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", AI_SYSTEMS, "application/json", registration,
                        Map.of("name", REQUIRED_TEXT, "purpose", REQUIRED_TEXT, "owner", REQUIRED_TEXT,
                                "organizationRole", ENUM, "aiTechnique", ENUM, "affectedStakeholders", LIST,
                                "vendor", TEXT, "externalRef", TEXT, "businessUnit", TEXT)),
                new Endpoint("PATCH", AI_SYSTEMS + "/" + id, "application/merge-patch+json",
                        "{\"name\": \"New\", \"owner\": \"bob\", \"organizationRole\": \"PROVIDER\"}",
                        Map.of("name", REQUIRED_TEXT, "owner", REQUIRED_TEXT, "organizationRole", ENUM)),
                new Endpoint("POST", AI_SYSTEMS + "/" + id + "/lifecycle", "application/json",
                        "{\"stage\": \"DESIGN_DEVELOPMENT\", \"reason\": \"ready\"}",
                        Map.of("stage", ENUM, "reason", TEXT)),
                new Endpoint("POST", AI_SYSTEMS + "/" + id + "/classification", "application/json",
                        "{\"euAiActRiskClass\": \"HIGH_RISK\", \"rationale\": \"Annex III\"}",
                        Map.of("euAiActRiskClass", ENUM, "rationale", REQUIRED_TEXT)),
                new Endpoint("POST", AI_SYSTEMS + "/" + id + "/models", "application/json",
                        "{\"name\": \"m\", \"version\": \"1\", \"provider\": \"p\", \"registryUri\": \"u\"}",
                        Map.of("name", REQUIRED_TEXT, "version", REQUIRED_TEXT, "provider", TEXT, "registryUri", TEXT)),
                new Endpoint("POST", AI_SYSTEMS + "/" + id + "/datasets", "application/json",
                        "{\"name\": \"d\", \"source\": \"s\", \"containsPersonalData\": true, \"provenance\": \"p\"}",
                        Map.of("name", REQUIRED_TEXT, "source", REQUIRED_TEXT, "containsPersonalData", BOOLEAN,
                                "provenance", TEXT)),
                new Endpoint("POST", AI_SYSTEMS + "/" + id + "/retire", "application/json",
                        "{\"reason\": \"replaced\"}", Map.of("reason", REQUIRED_TEXT)),
                new Endpoint("POST", "/api/v1/ingest", "application/cloudevents-batch+json",
                        "[{\"specversion\": \"1.0\", \"id\": \"hostile-1\", \"source\": \"/hostile\", "
                                + "\"type\": \"io.aimsledger.ingest.ai-system-discovered.v1\", \"data\": "
                                + "{\"externalRef\": \"hostile:1\", \"name\": \"n\", \"purpose\": \"p\", \"owner\": \"o\"}}]",
                        Map.of("specversion", REQUIRED_TEXT, "externalRef", REQUIRED_TEXT, "name", REQUIRED_TEXT,
                                "purpose", REQUIRED_TEXT, "owner", REQUIRED_TEXT), true));
        Endpoint ingest = endpoints.getLast();
        RestAssured.given().auth().oauth2(Tokens.forIntegration()).contentType(ingest.contentType())
                .body(ingest.validBody()).post(ingest.path()).then().statusCode(202);
        long eventsBefore = count("select count(*) from event_store");
        long rowsBefore = count("select count(*) from ai_system");

        int sent = 0;
        int refusedByField = 0;
        List<String> failures = new ArrayList<>();
        var hostile = new HostileInput(42);
        for (Endpoint endpoint : endpoints) {
            String token = endpoint.path().endsWith("ingest") ? Tokens.forIntegration() : Tokens.forUser("alice");
            for (byte[] body : hostile.bodies(endpoint.validBody(), endpoint.fields(), PER_ENDPOINT)) {
                Response response = RestAssured.given().auth().oauth2(token).contentType(endpoint.contentType())
                        .body(body).request(endpoint.method(), endpoint.path());
                sent++;
                boolean problem = response.statusCode() >= 400 && response.statusCode() < 500
                        && String.valueOf(response.contentType()).startsWith("application/problem+json");
                // The valid event was applied before: a variant of it that is still valid is a DUPLICATE.
                boolean noEventApplied = endpoint.perEventResults() && response.statusCode() == 202
                        && response.jsonPath().getList("results.status").stream().noneMatch("APPLIED"::equals);
                boolean everyEventRejected = noEventApplied
                        && response.jsonPath().getList("results.status").stream().allMatch("REJECTED"::equals);
                if (problem && response.statusCode() == 400 && response.jsonPath().getList("violations") != null
                        && !response.jsonPath().getList("violations").isEmpty()
                        || everyEventRejected && response.asString().contains("ingest.schema-invalid")) {
                    refusedByField++;
                }
                if (!problem && !noEventApplied) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " -> " + response.statusCode() + " "
                            + abbreviate(new String(body, java.nio.charset.StandardCharsets.UTF_8)) + " => "
                            + abbreviate(response.asString()));
                }
            }
        }
        for (String badId : List.of("x", "1", "' or 1=1 --", UUID.randomUUID() + "x", "%00")) {
            for (String path : List.of(AI_SYSTEMS + "/" + badId + "/retire", AI_SYSTEMS + "/" + id + "/models/" + badId)) {
                Response response = as("alice").body(Map.of("reason", "r")).request(path.endsWith("retire") ? "POST" : "DELETE", path);
                sent++;
                if (response.statusCode() != 400 && response.statusCode() != 404) {
                    failures.add(path + " -> " + response.statusCode());
                }
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(2_000);
        // Most bad values are refused for the field they are in, not because the body as a whole was unreadable.
        assertThat(refusedByField).as("answers that name a field or an event's schema violation").isGreaterThan(sent / 4);
        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
        assertThat(count("select count(*) from event_store")).isEqualTo(eventsBefore);
        assertThat(count("select count(*) from ai_system")).isEqualTo(rowsBefore);
    }

    private static long count(String sql) throws SQLException {
        try (var connection = TestServers.postgres().connect("inventory"); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
