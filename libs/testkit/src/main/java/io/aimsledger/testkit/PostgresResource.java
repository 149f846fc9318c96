package io.aimsledger.testkit;

import java.util.Map;

import io.aimsledger.localservers.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test its own database (init arg {@code database}, default {@code aims}) on the
 * test JVM's real PostgreSQL server, wired to the reactive datasource.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";

    private String database = "aims";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
    }

    @Override
    public Map<String, String> start() {
        var postgres = TestServers.postgres();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER);
    }

    @Override
    public void stop() {
        // The server lives as long as the test JVM (see TestServers); the next test class reuses it.
    }
}
