package io.aimsledger.testkit;

import java.util.Map;

import io.aimsledger.localservers.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test its own database (init arg {@code database}, default {@code aims}) on the
 * test JVM's real PostgreSQL server, wired to the reactive and JDBC datasources. Migrations run as
 * the owner; the service connects as the owner too, or as the role named by init arg
 * {@code applicationRole} (a role its own migrations create, as in production).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";
    public static final String APPLICATION_ROLE = "applicationRole";

    private String database = "aims";
    private String applicationRole = PostgresServer.USER;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
        applicationRole = initArgs.getOrDefault(APPLICATION_ROLE, applicationRole);
    }

    @Override
    public Map<String, String> start() {
        var postgres = TestServers.postgres();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", applicationRole,
                "quarkus.flyway.jdbc-url", postgres.jdbcUrl(database),
                "quarkus.flyway.username", PostgresServer.USER,
                // The local server trusts local connections; Quarkus wants a password beside a Flyway URL.
                "quarkus.flyway.password", "unused-by-trust-authentication");
    }

    @Override
    public void stop() {
        // The server lives as long as the test JVM (see TestServers); the next test class reuses it.
    }
}
