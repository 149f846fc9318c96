package io.aimsledger.inventory.aisystem.rest;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.aimsledger.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the inventory API as the realm's demo users, and a valid registration to start from. */
final class InventoryApi {

    static final String AI_SYSTEMS = "/api/v1/ai-systems";
    static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private InventoryApi() {
    }

    static RequestSpecification as(String username) {
        String token = TOKENS.computeIfAbsent(username, Tokens::forUser);
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String registration(String name) {
        return """
                {"name": "%s", "purpose": "Score loan applications", "owner": "alice",
                 "organizationRole": "DEPLOYER", "aiTechnique": "MACHINE_LEARNING",
                 "affectedStakeholders": ["applicants"], "vendor": "Acme"}""".formatted(name);
    }

    /** Registers a system as alice and returns its id. */
    static String registered(String name) {
        return as("alice").body(registration(name)).post(AI_SYSTEMS).then().statusCode(201).extract().path("id");
    }

    static void moveTo(String id, String stage) {
        as("alice").body("{\"stage\": \"" + stage + "\", \"reason\": \"ready\"}")
                .post(AI_SYSTEMS + "/{id}/lifecycle", id).then().statusCode(200);
    }

    static void classify(String id, String riskClass) {
        as("alice").body("{\"euAiActRiskClass\": \"" + riskClass + "\", \"rationale\": \"Annex III\"}")
                .post(AI_SYSTEMS + "/{id}/classification", id).then().statusCode(200);
    }
}
