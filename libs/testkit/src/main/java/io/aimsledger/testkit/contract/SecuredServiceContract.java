package io.aimsledger.testkit.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.Tokens;

/**
 * What every AIMS Ledger service promises before any domain logic: its API needs a real token,
 * roles are enforced, errors are problems, and health and OpenAPI are served. A service's test
 * extends this, is annotated {@code @QuarkusTest} with PostgreSQL, Kafka and Keycloak resources,
 * and names one endpoint that only writers may call.
 */
public abstract class SecuredServiceContract {

    protected static final String PROBLEM = "application/problem+json";

    /** A POST endpoint that {@code dave} (viewer) must not call. */
    protected abstract String writeEndpoint();

    /** A valid body for {@link #writeEndpoint()}. */
    protected abstract String validWriteBody();

    /** What {@link #writeEndpoint()} answers a writer's valid body: the status of a real write. */
    protected abstract int writeSuccessStatus();

    /** A user whose role allows {@link #writeEndpoint()}. */
    protected String writer() {
        return "alice";
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", is("auth.unauthenticated"))
                .body("status", is(401));
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .when().get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aViewerMayNotWrite() {
        given().auth().oauth2(Tokens.forUser("dave")).contentType("application/json").body("{}")
                .when().post(writeEndpoint())
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("code", is("auth.forbidden"));
    }

    @Test
    void anIntegrationMayNotWrite() {
        given().auth().oauth2(Tokens.forIntegration()).contentType("application/json").body("{}")
                .when().post(writeEndpoint())
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aWriterWrites() {
        given().auth().oauth2(Tokens.forUser(writer())).contentType("application/json").body(validWriteBody())
                .when().post(writeEndpoint())
                .then().statusCode(writeSuccessStatus());
    }

    @Test
    void anIdTokenIsUnauthorized() {
        given().auth().oauth2(Tokens.idTokenForUser("alice"))
                .when().get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anAccessTokenOfAnotherClientIsUnauthorized() {
        given().auth().oauth2(Tokens.forUserOfClient("alice", "admin-cli"))
                .when().get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void refusedTokensAreNotLoggedAsErrors() {
        var errors = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var root = java.util.logging.Logger.getLogger("");
        root.addHandler(handler);
        try {
            for (int i = 0; i < 20; i++) {
                given().auth().oauth2("eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vLXN1Y2gta2V5LSIgfQ.eyJzdWIiOiJtYWxsb3J5IiwiaSI6" + i
                                + "fQ.c2lnbmF0dXJl")
                        .when().get("/api/v1/me")
                        .then().statusCode(401).contentType(PROBLEM);
            }
        } finally {
            root.removeHandler(handler);
        }
        org.assertj.core.api.Assertions.assertThat(errors).as("ERROR log records while refusing tokens").isEmpty();
    }

    @Test
    void theTokenNamesTheActingUser() {
        given().auth().oauth2(Tokens.forUser("dave"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("dave"))
                .body("roles", equalTo(List.of("aims-viewer")));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        given().auth().oauth2(Tokens.forUser(writer())).contentType("application/json").body("{\"name\": ")
                .when().post(writeEndpoint())
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("code", is("request.malformed"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        given().auth().oauth2(Tokens.forUser("dave"))
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void readinessCoversPostgresAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void openApiIsServedWithoutAToken() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."));
    }
}
