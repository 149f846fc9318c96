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
 */
public final class TestServers {

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

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.startEphemeral();
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start();
        }
        return kafka;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = startKeycloak();
        }
        return keycloak;
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
            return KeycloakServer.start(KeycloakDistribution.zip(), home, KeycloakDistribution.realmJson(), "localhost",
                    Ports.free(),
                    startupTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stopAll() {
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
