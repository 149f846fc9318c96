package io.aimsledger.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aimsledger.localservers.LocalCredentials;

/**
 * The platform as {@code ./aims-local} runs it (durable PostgreSQL, Kafka, Keycloak, the five services),
 * on ports of the harness's own, with its data under {@code bench/target/platform}, deleted first.
 */
final class LaunchedPlatform implements AutoCloseable {

    static final int SERVICE_PORT = 28081;
    static final int KEYCLOAK_PORT = 28180;
    static final int KAFKA_PORT = 29092;
    static final int POSTGRES_PORT = 25432;
    static final List<String> SERVICES = List.of("inventory-service", "risk-service", "controls-service",
            "evidence-service", "audit-projection");

    private final Path repository;
    private final Path data;
    private final Path log;
    private final Process launcher;

    private LaunchedPlatform(Path repository, Path data, Path log, Process launcher) {
        this.repository = repository;
        this.data = data;
        this.log = log;
        this.launcher = launcher;
    }

    static LaunchedPlatform start(Path repository, Duration timeout) throws IOException, InterruptedException {
        Path target = repository.resolve("bench/target");
        Path data = target.resolve("platform");
        Path log = target.resolve("platform.log");
        Files.createDirectories(target);
        Process launcher = new ProcessBuilder(java(), "-jar",
                repository.resolve("deploy/local/target/aims-local.jar").toString(), "--fresh",
                "--data", data.toString(), "--service-port", Integer.toString(SERVICE_PORT),
                "--keycloak-port", Integer.toString(KEYCLOAK_PORT), "--kafka-port", Integer.toString(KAFKA_PORT),
                "--postgres-port", Integer.toString(POSTGRES_PORT))
                .directory(repository.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var platform = new LaunchedPlatform(repository, data, log, launcher);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!platform.output().contains("AIMS Ledger is running")) {
            if (!launcher.isAlive() || System.nanoTime() > deadline) {
                platform.close();
                throw new IllegalStateException("the platform did not start; see " + log + ":\n" + platform.output());
            }
            Thread.sleep(500);
        }
        return platform;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    URI service(String module, String path) {
        return URI.create("http://localhost:" + (SERVICE_PORT + SERVICES.indexOf(module)) + path);
    }

    URI tokenEndpoint() {
        return URI.create("http://localhost:" + KEYCLOAK_PORT + "/realms/aims/protocol/openid-connect/token");
    }

    String realmUrl() {
        return "http://localhost:" + KEYCLOAK_PORT + "/realms/aims";
    }

    String kafka() {
        return "localhost:" + KAFKA_PORT;
    }

    int postgresPort() {
        return POSTGRES_PORT;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + POSTGRES_PORT + "/" + database, "postgres",
                password(LocalCredentials.POSTGRES_SUPERUSER));
    }

    /** A password the launcher generated and keeps in its data folder. */
    String password(String name) {
        return LocalCredentials.in(data).password(name);
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }

    Path repository() {
        return repository;
    }

    Path data() {
        return data;
    }

    Path serviceLog(String module) {
        return data.resolve("logs").resolve(module + ".log");
    }

    private String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(2, TimeUnit.MINUTES)) {
            launcher.destroyForcibly();
        }
    }
}
