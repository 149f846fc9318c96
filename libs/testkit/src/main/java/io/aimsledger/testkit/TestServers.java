package io.aimsledger.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.aimsledger.localservers.Files2;
import io.aimsledger.localservers.KeycloakDistribution;
import io.aimsledger.localservers.KeycloakServer;
import io.aimsledger.localservers.Ports;
import io.aimsledger.localservers.PostgresServer;

/**
 * The real servers of one test JVM: each started on first use, at most once, and stopped when the
 * JVM exits, whether the tests passed or not.
 * <p>
 * "Once per JVM" must hold across class loaders: Quarkus loads this class again for each test
 * application it boots (another test profile, say). The first copy to start a server owns it and
 * stops it at exit; it publishes where the server listens as a system property, and the other
 * copies attach to that address. They agree on a lock per server through interned string literals,
 * objects every class loader shares.
 */
public final class TestServers {

    private static final Object POSTGRES_LOCK = "io.aimsledger.testkit.TestServers.postgres";
    private static final Object KAFKA_LOCK = "io.aimsledger.testkit.TestServers.kafka";
    private static final Object KEYCLOAK_LOCK = "io.aimsledger.testkit.TestServers.keycloak";
    private static final String POSTGRES_PORT = "aims.testkit.postgres.port";
    private static final String POSTGRES_PASSWORD = "aims.testkit.postgres.password";
    private static final String KAFKA_BOOTSTRAP = "aims.testkit.kafka.bootstrap";
    private static final String KEYCLOAK_PORT = "aims.testkit.keycloak.port";
    private static final String KEYCLOAK_HOST = "localhost";

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static KeycloakServer keycloak;
    private static FileLock keycloakHomeLock;
    private static Path temporaryKeycloakHome;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stopAll, "aims-testkit-shutdown"));
    }

    private TestServers() {
    }

    public static PostgresServer postgres() {
        synchronized (POSTGRES_LOCK) {
            if (postgres == null) {
                String port = System.getProperty(POSTGRES_PORT);
                if (port != null) {
                    return PostgresServer.attach(Integer.parseInt(port), System.getProperty(POSTGRES_PASSWORD));
                }
                postgres = PostgresServer.startEphemeral();
                System.setProperty(POSTGRES_PASSWORD, postgres.password());
                System.setProperty(POSTGRES_PORT, Integer.toString(postgres.port()));
            }
            return postgres;
        }
    }

    public static KafkaBroker kafka() {
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                String bootstrap = System.getProperty(KAFKA_BOOTSTRAP);
                if (bootstrap != null) {
                    return KafkaBroker.attach(bootstrap);
                }
                kafka = KafkaBroker.start();
                System.setProperty(KAFKA_BOOTSTRAP, kafka.bootstrapServers());
            }
            return kafka;
        }
    }

    public static KeycloakServer keycloak() {
        synchronized (KEYCLOAK_LOCK) {
            if (keycloak == null) {
                String port = System.getProperty(KEYCLOAK_PORT);
                if (port != null) {
                    return KeycloakServer.attach(KEYCLOAK_HOST, Integer.parseInt(port));
                }
                keycloak = startKeycloak();
                System.setProperty(KEYCLOAK_PORT, Integer.toString(keycloak.port()));
            }
            return keycloak;
        }
    }

    public static Duration startupTimeout() {
        return Duration.ofSeconds(Long.getLong("aims.test.startup-timeout", 180));
    }

    /** Where servers are unpacked once and reused: {@code $AIMS_CACHE_DIR}, else {@code ~/.cache/aims-ledger}. */
    public static Path cacheDirectory() {
        String configured = System.getenv("AIMS_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "aims-ledger");
    }

    private static KeycloakServer startKeycloak() {
        Path home = cacheDirectory().resolve("keycloak-" + KeycloakDistribution.version());
        try {
            keycloakHomeLock = KeycloakServer.lockHome(home);
            if (keycloakHomeLock == null) {
                // Another JVM runs Keycloak from the shared home: take a private one (slower: it builds again).
                temporaryKeycloakHome = Files.createTempDirectory("aims-keycloak-").resolve("home");
                home = temporaryKeycloakHome;
            }
            return KeycloakServer.start(KeycloakDistribution.zip(), home, KeycloakDistribution.realmJson(), KEYCLOAK_HOST,
                    Ports.free(),
                    startupTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopAll() {
        // Each server is stopped even if stopping another failed: none may be left behind.
        stopQuietly(keycloak);
        stopQuietly(kafka);
        stopQuietly(postgres);
        try {
            if (keycloakHomeLock != null) {
                keycloakHomeLock.release();
                keycloakHomeLock.channel().close();
            }
            if (temporaryKeycloakHome != null) {
                Files2.deleteRecursively(temporaryKeycloakHome.getParent());
            }
        } catch (IOException e) {
            // The JVM is exiting; a stale lock file or temporary folder is harmless.
        }
    }

    private static void stopQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Stopping " + server.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
