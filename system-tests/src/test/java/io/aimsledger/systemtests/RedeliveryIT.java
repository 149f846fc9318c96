package io.aimsledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.aimsledger.localservers.ChildProcess;
import io.aimsledger.localservers.ServiceEnvironment;
import io.aimsledger.localservers.Waits;

/**
 * Redelivery: a second audit projection reading every domain topic from offset 0 (a consumer group of its own)
 * into a fresh database logs the same events in the same order per partition, derives the same versions, and
 * verifies, as the platform's own audit projection.
 */
@Order(4)
class RedeliveryIT {

    private static final int PORT = 18099;
    private static final String DATABASE = "audit_redelivery";

    @Test
    void aProjectionReadingEveryTopicFromTheStartRebuildsTheSameLogAndState() throws Exception {
        LaunchedPlatform.launcher();
        Map<String, Long> settled = AccessMatrixIT.LedgerCounts.settled();
        try (Connection admin = LaunchedPlatform.database("postgres"); var statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        ChildProcess projection = start();
        try {
            long logged = settled.get("audit-projection");
            await().atMost(Duration.ofMinutes(5)).until(() -> LaunchedPlatform.count(DATABASE,
                    "select count(*) from audit_log") >= logged);
            assertThat(LaunchedPlatform.count(DATABASE, "select count(*) from audit_log")).isEqualTo(logged);

            assertThat(perPartition(DATABASE)).as("the log, partition by partition").isEqualTo(perPartition("audit"));
            String versions = "select entity_type, entity_id, valid_from, valid_to, event_id, event_type, ended, "
                    + "state::text from entity_version where recorded_to is null order by 1, 2, 3";
            List<String> again = rows(DATABASE, versions);
            assertThat(again).as("the current versions of every entity").hasSizeGreaterThan(10)
                    .isEqualTo(rows("audit", versions));

            String carol = LaunchedPlatform.token("carol");
            for (String base : List.of("http://localhost:" + PORT, LaunchedPlatform.url("audit-projection"))) {
                given().baseUri(base).auth().oauth2(carol).queryParam("derived", "true").get("/api/v1/audit/verify")
                        .then().statusCode(200).body("valid", equalTo(true)).body("derivedChecked", equalTo(true));
            }
            System.out.printf("Redelivery: %d events in %d partitions logged again from offset 0; %d current versions "
                    + "equal%n", logged, perPartition(DATABASE).size(), again.size());
        } finally {
            projection.stop(Duration.ofSeconds(20));
        }
    }

    private static ChildProcess start() throws Exception {
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(LaunchedPlatform.DATA.resolve("secrets/credentials.properties"))) {
            credentials.load(in);
        }
        String password = credentials.getProperty("postgres.aims_audit_app");
        Map<String, String> env = ServiceEnvironment.of(PORT, LaunchedPlatform.POSTGRES_PORT, DATABASE, "aims_audit_app",
                password, credentials.getProperty("postgres.superuser"), "localhost:" + LaunchedPlatform.KAFKA_PORT,
                "http://localhost:" + LaunchedPlatform.KEYCLOAK_PORT + "/realms/aims");
        env.put("AIMS_AUDIT_DB_PASSWORD", password);
        Path target = Path.of("target").toAbsolutePath();
        env.put("AIMS_AUDIT_SIGNING_KEY_FILE", target.resolve("redelivery-signing-key.pem").toString());
        env.put("AIMS_AUDIT_SIGNING_KEY_CREATE_IF_MISSING", "true");
        env.put("AIMS_AUDIT_CONSUMER_GROUP", "redelivery-" + UUID.randomUUID());
        Path repository = target.getParent().getParent();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ServiceEnvironment.JVM_OPTIONS);
        command.addAll(List.of("-jar", repository.resolve("audit-projection/target/quarkus-app/quarkus-run.jar").toString()));
        ChildProcess process = ChildProcess.start("audit-redelivery", command, env, repository,
                target.resolve("audit-redelivery.log"));
        assertThat(Waits.until(Duration.ofMinutes(2), Duration.ofMillis(300), () -> !process.isAlive()
                || Waits.answers200(java.net.URI.create("http://localhost:" + PORT + "/q/health/ready"))))
                .isTrue();
        assertThat(process.isAlive()).as("the second projection started; see target/audit-redelivery.log").isTrue();
        return process;
    }

    /** Each partition's events, in the order the log holds them. */
    private static Map<String, List<String>> perPartition(String database) throws Exception {
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        try (Connection connection = LaunchedPlatform.database(database); var statement = connection.createStatement();
             var rows = statement.executeQuery("select topic || '/' || kafka_partition, event_id from audit_log "
                     + "order by 1, seq")) {
            while (rows.next()) {
                partitions.computeIfAbsent(rows.getString(1), p -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return partitions;
    }

    private static List<String> rows(String database, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = LaunchedPlatform.database(database); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
