package io.aimsledger.localservers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a service's process needs to reach the local servers: its port, its database (as
 * itself, migrations as the owner), Kafka and Keycloak. The launcher and the bench start services so.
 */
public final class ServiceEnvironment {

    /** The services' JVM options on one machine beside the servers: a small heap, the serial collector. */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC");

    private ServiceEnvironment() {
    }

    /**
     * @param databaseUser     the service's own least-privilege role, with {@code databasePassword}
     * @param ownerPassword    the password of the superuser its migrations run as
     */
    public static Map<String, String> of(int httpPort, int postgresPort, String database, String databaseUser,
                                         String databasePassword, String ownerPassword, String kafkaBootstrap,
                                         String oidcUrl) {
        String jdbc = "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + postgresPort + "/" + database);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        env.put("QUARKUS_DATASOURCE_USERNAME", databaseUser);
        env.put("QUARKUS_DATASOURCE_PASSWORD", databasePassword);
        env.put("QUARKUS_FLYWAY_JDBC_URL", jdbc);
        env.put("QUARKUS_FLYWAY_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_FLYWAY_PASSWORD", ownerPassword);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcUrl);
        return env;
    }
}
