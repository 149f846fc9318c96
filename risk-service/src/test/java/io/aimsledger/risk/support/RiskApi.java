package io.aimsledger.risk.support;

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

/**
 * Requests to the risk API as the realm's demo users, and AI systems as the inventory publishes them
 * (on {@code aims.inventory.v1}, read into the service's replica), for the risk service's tests.
 */
public final class RiskApi {

    public static final String DATABASE = "risk";
    public static final String RISKS = "/api/v1/risks";
    public static final String ASSESSMENTS = "/api/v1/impact-assessments";
    public static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<UUID, Long> VERSIONS = new ConcurrentHashMap<>();

    private RiskApi() {
    }

    public static RequestSpecification as(String username) {
        String token = TOKENS.computeIfAbsent(username, Tokens::forUser);
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A new AI system, registered in the inventory and read into the replica; its id. */
    public static UUID aiSystem() throws Exception {
        UUID id = UUID.randomUUID();
        var description = new Description("Credit scoring", null, "Score loan applications", "alice", null,
                OrganizationRole.DEPLOYER, AiTechnique.MACHINE_LEARNING, null, null, List.of(), null);
        publish(id, new InventoryEvent.AiSystemRegistered(id, description, "ext:" + id));
        return id;
    }

    /** Publishes an inventory event about AI system {@code id} and waits until the replica has read it; its event id. */
    public static UUID publish(UUID id, InventoryEvent event) throws Exception {
        long version = VERSIONS.merge(id, 1L, Long::sum);
        UUID eventId = UUID.randomUUID();
        byte[] cloudEvent = CloudEventCodec.toJson(new EventEnvelope(eventId, Contracts.REGISTRY.typeOf(event),
                "/aims/inventory", id.toString(), Instant.now(), version, "alice", eventId.toString(), null, null,
                PayloadCodec.write(event)));
        TestTopics.send(Contracts.INVENTORY_V1.topic(), id.toString(), new String(cloudEvent, StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from entity_replica where entity_type = "
                + "'ai-system' and entity_id = '" + id + "' and version = " + version) == 1);
        return eventId;
    }

    /** A risk of {@code aiSystem} owned by {@code owner}, identified by alice; its id. */
    public static String identified(UUID aiSystem, String owner) {
        return as("alice").body(Map.of("aiSystemIds", List.of(aiSystem), "title", "Unfair denials",
                        "category", "BIAS_FAIRNESS", "owner", owner))
                .post(RISKS).then().statusCode(201).extract().path("id");
    }

    public static long count(String sql) throws SQLException {
        try (var connection = TestServers.postgres().connect(DATABASE); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
