package io.aimsledger.testkit;

import java.util.HashMap;
import java.util.Map;

import io.aimsledger.localservers.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test its own database (init arg {@code database}, default {@code aims}) on the
 * test JVM's real PostgreSQL server, wired to the reactive and JDBC datasources, as the launcher wires
 * a service: migrations run as the superuser, and the service connects as a least-privilege role of
 * its own ({@code aims_<database>_app}, which may read and write rows only), or as the role named by
 * init arg {@code applicationRole} (one its own migrations create and grant, as the audit projection's).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";
    public static final String APPLICATION_ROLE = "applicationRole";

    private String database = "aims";
    private String applicationRole;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
        applicationRole = initArgs.getOrDefault(APPLICATION_ROLE, applicationRole);
    }

    @Override
    public Map<String, String> start() {
        var postgres = TestServers.postgres();
        postgres.createDatabase(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.flyway.jdbc-url", postgres.jdbcUrl(database),
                "quarkus.flyway.username", PostgresServer.USER,
                "quarkus.flyway.password", postgres.password()));
        if (applicationRole == null) {
            String role = "aims_" + database + "_app";
            postgres.ensureLoginRole(role, postgres.password());
            postgres.grantRowAccess(database, role);
            config.put("quarkus.datasource.username", role);
            config.put("quarkus.datasource.password", postgres.password());
        } else {
            config.put("quarkus.datasource.username", applicationRole);
        }
        return config;
    }

    @Override
    public void stop() {
        // The server lives as long as the test JVM (see TestServers); the next test class reuses it.
    }
}
