package io.aimsledger.evidence.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.TestTopics;
import io.aimsledger.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the evidence API as the realm's demo users, and AI systems as the inventory publishes them. */
public final class EvidenceApi {

    public static final String DATABASE = "evidence";
    public static final String EVIDENCE = "/api/v1/evidence";
    public static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private EvidenceApi() {
    }

    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, Tokens::forUser);
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(token(username)).contentType(ContentType.JSON);
    }

    /** Evidence held elsewhere, for {@code controlIds}, submitted by {@code username}; its id. */
    public static String external(String username, List<String> controlIds, Instant effectiveAt, Instant validUntil) {
        var body = new java.util.HashMap<String, Object>(Map.of("title", "Bias test report", "kind", "TEST_REPORT",
                "controlIds", controlIds, "externalUri", "https://reports.example/" + UUID.randomUUID(),
                "sha256", "ab".repeat(32), "effectiveAt", effectiveAt.toString()));
        if (validUntil != null) {
            body.put("validUntil", validUntil.toString());
        }
        return as(username).body(body).post(EVIDENCE).then().statusCode(201).extract().path("id");
    }

    /** A new AI system, registered in the inventory and read into the replica; its id. */
    public static UUID aiSystem() throws Exception {
        UUID id = UUID.randomUUID();
        var description = new Description("Credit scoring", null, "Score loan applications", "alice", null,
                OrganizationRole.DEPLOYER, AiTechnique.MACHINE_LEARNING, null, null, List.of(), null);
        var event = new InventoryEvent.AiSystemRegistered(id, description, "ext:" + id);
        UUID eventId = UUID.randomUUID();
        byte[] cloudEvent = CloudEventCodec.toJson(new EventEnvelope(eventId, Contracts.REGISTRY.typeOf(event),
                "/aims/inventory", id.toString(), Instant.now(), 1, "alice", eventId.toString(), null, null,
                PayloadCodec.write(event)));
        TestTopics.send(Contracts.INVENTORY_V1.topic(), id.toString(), new String(cloudEvent, StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from entity_replica where entity_type = "
                + "'ai-system' and entity_id = '" + id + "'") == 1);
        return id;
    }

    public static long count(String sql) throws SQLException {
        try (var connection = TestServers.postgres().connect(DATABASE); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public static void execute(String sql) throws SQLException {
        try (var connection = TestServers.postgres().connect(DATABASE); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
