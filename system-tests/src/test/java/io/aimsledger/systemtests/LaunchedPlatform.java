package io.aimsledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform as the local launcher runs it (its jar, its command-line options, ports of its own), started
 * once per test JVM and shared by every system test class; {@code PlatformStopIT}, the last class, stops it.
 */
final class LaunchedPlatform {

    static final int SERVICE_PORT = 18081;
    static final int KEYCLOAK_PORT = 18180;
    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    /** The five services in the order of their ports, then the audit standby on the next one. */
    static final List<String> MODULES = List.of("inventory-service", "risk-service", "controls-service",
            "evidence-service", "audit-projection");
    static final Map<String, String> DATABASES = Map.of("inventory-service", "inventory", "risk-service", "risk",
            "controls-service", "controls", "evidence-service", "evidence", "audit-projection", "audit");
    static final int EVIDENCE_HEAP_MB = 64;
    private static final Duration STARTUP_BOUND = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process launcher;
    private static Duration startup;

    private LaunchedPlatform() {
    }

    static final Path DATA = Path.of("target", "aims-local-it").toAbsolutePath();
    static final Path LOG = Path.of("target", "aims-local-it.log").toAbsolutePath();

    /** The launcher, started on first use. */
    static synchronized Process launcher() throws Exception {
        if (launcher == null) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long started = System.nanoTime();
            var builder = new ProcessBuilder(java, "-jar", System.getProperty("aims.launcher.jar"),
                    "--data", DATA.toString(),
                    "--service-port", Integer.toString(SERVICE_PORT),
                    "--keycloak-port", Integer.toString(KEYCLOAK_PORT),
                    "--kafka-port", Integer.toString(KAFKA_PORT), "--postgres-port", Integer.toString(POSTGRES_PORT),
                    "--audit-standby", "--fresh")
                    .redirectErrorStream(true)
                    .redirectOutput(LOG.toFile());
            // Uploads stream from disk to the database: three 20 MiB uploads at once fit in this heap.
            builder.environment().put("AIMS_EVIDENCE_SERVICE_JVM_OPTIONS", "-Xmx" + EVIDENCE_HEAP_MB + "m");
            launcher = builder.start();
            Process started0 = launcher;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (started0.isAlive()) {
                    started0.destroyForcibly();
                }
            }));
            long deadline = started + STARTUP_BOUND.toNanos();
            while (!output().contains("AIMS Ledger is running")) {
                assertThat(launcher.isAlive()).as("the launcher exited early; its output:\n%s", output()).isTrue();
                assertThat(System.nanoTime()).as("not up within %s; output:\n%s", STARTUP_BOUND, output())
                        .isLessThan(deadline);
                Thread.sleep(500);
            }
            startup = Duration.ofNanos(System.nanoTime() - started);
        }
        return launcher;
    }

    /** Where the auditor of LocalPlatformIT keeps the export, its key and a checkpoint, for PlatformStopIT. */
    static Path auditorFolder() {
        return Path.of("target", "auditor").toAbsolutePath();
    }

    static Duration startup() {
        return startup;
    }

    static String url(String module) {
        return "http://localhost:" + (SERVICE_PORT + MODULES.indexOf(module));
    }

    static String output() {
        try {
            return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A demo user's access token (password = user name), from the platform's Keycloak. */
    static String token(String user) {
        return tokenField(Map.of("grant_type", "password", "client_id", "aims-cli", "username", user,
                "password", user), "access_token");
    }

    static String idToken(String user) {
        return tokenField(Map.of("grant_type", "password", "client_id", "aims-cli", "username", user,
                "password", user, "scope", "openid"), "id_token");
    }

    static String integrationToken() {
        return tokenField(Map.of("grant_type", "client_credentials", "client_id", "ci-pipeline",
                "client_secret", "ci-pipeline-secret"), "access_token");
    }

    static String tokenField(Map<String, String> form, String field) {
        return tokenField("aims", form, field);
    }

    static String tokenField(String realm, Map<String, String> form, String field) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + KEYCLOAK_PORT + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).get(field).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The platform's PostgreSQL as its superuser, whose password the launcher keeps in the data folder. */
    static Connection database(String name) throws SQLException {
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(DATA.resolve("secrets").resolve("credentials.properties"))) {
            credentials.load(in);
        } catch (IOException e) {
            throw new SQLException("no launcher credentials", e);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + POSTGRES_PORT + "/" + name, "postgres",
                credentials.getProperty("postgres.superuser"));
    }

    /** How many rows {@code sql} counts. */
    static long count(String database, String sql) throws SQLException {
        try (Connection connection = database(database); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
