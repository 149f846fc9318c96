package io.aimsledger.systemtests.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * {@code deploy/compose} brought up for real with Testcontainers: the stack comes up healthy, a token from its
 * Keycloak registers an AI system, and the event reaches the audit trail. It needs a Docker engine and the
 * services packaged ({@code ./mvnw package}); where there is no engine (as on the CI machine of this
 * project) it does not run, and says so.
 */
class ComposeSmokeIT {

    private static ComposeContainer stack;

    @BeforeAll
    static void up() {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "No Docker engine here: the compose smoke test runs where one exists; ComposeFileTest checks the file.");
        Map<String, String> passwords = Map.of("POSTGRES_PASSWORD", "smoke-postgres", "AIMS_INVENTORY_DB_PASSWORD", "smoke-1",
                "AIMS_RISK_DB_PASSWORD", "smoke-2", "AIMS_CONTROLS_DB_PASSWORD", "smoke-3", "AIMS_EVIDENCE_DB_PASSWORD",
                "smoke-4", "AIMS_AUDIT_DB_PASSWORD", "smoke-5", "KEYCLOAK_ADMIN_PASSWORD", "smoke-admin",
                "GRAFANA_ADMIN_PASSWORD", "smoke-grafana");
        stack = new ComposeContainer(ComposeFileTest.COMPOSE.resolve("compose.yaml").toFile())
                .withBuild(true).withEnv(passwords)
                .withStartupTimeout(Duration.ofMinutes(10))
                .waitingFor("inventory-service", Wait.forHealthcheck())
                .waitingFor("audit-projection", Wait.forHealthcheck());
        stack.start();
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aTokenFromItsKeycloakRegistersAnAiSystemThatReachesTheAuditTrail() {
        String token = given().formParams(Map.of("client_id", "aims-cli", "grant_type", "password", "username", "alice",
                        "password", "alice")).post("http://localhost:8180/realms/aims/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String id = given().baseUri("http://localhost:8081").auth().oauth2(token).contentType("application/json")
                .body("{\"name\": \"Smoke\", \"purpose\": \"Prove the stack\", \"owner\": \"alice\", "
                        + "\"organizationRole\": \"DEPLOYER\"}").post("/api/v1/ai-systems").then().statusCode(201)
                .extract().path("id");
        String carol = given().formParams(Map.of("client_id", "aims-cli", "grant_type", "password", "username", "carol",
                        "password", "carol")).post("http://localhost:8180/realms/aims/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri("http://localhost:8085").auth()
                .oauth2(carol).queryParam("subject", id).get("/api/v1/audit/events").then().statusCode(200)
                .body("items[0].type", equalTo("io.aimsledger.inventory.ai-system-registered.v1")));
    }
}
