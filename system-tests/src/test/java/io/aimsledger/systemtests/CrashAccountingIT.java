package io.aimsledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Crash accounting, service by service: writers on several threads send a mix of the domain's write commands,
 * each with a correlation id of its own; the service (for the audit projection: the instance writing the log)
 * is killed with -9 part-way, and the writers go on until the launcher has brought it back and more writes were
 * accepted. Every accepted write must then be readable from its service and in the audit trail exactly once,
 * and the log must verify with its derived history.
 */
@Order(5)
class CrashAccountingIT {

    private static final int THREADS = 3;
    private static final int MAX_WRITES_PER_THREAD = 5_000;
    private static final int KILL_AFTER_ACCEPTED = 25;
    private static final int ACCEPTED_AFTER_RESTART = 25;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String aiSystem;

    /** A write that was accepted: its correlation id, and where it can be read back. */
    record Accepted(String correlationId, String readPath) {
    }

    /** One command of a domain: what it sends, and where what it changed is read. */
    record Write(String service, String method, String path, String body, String readPath) {
    }

    @BeforeAll
    static void anAiSystemEveryDomainKnows() throws Exception {
        LaunchedPlatform.launcher();
        String alice = LaunchedPlatform.token("alice");
        aiSystem = given().baseUri(LaunchedPlatform.url("inventory-service")).auth().oauth2(alice)
                .contentType("application/json").body(Map.of("name", "Crash accounting", "purpose", "Be referred to",
                        "owner", "alice", "organizationRole", "DEPLOYER"))
                .post("/api/v1/ai-systems").then().statusCode(201).extract().path("id");
        String risk = "{\"aiSystemIds\": [\"" + aiSystem + "\"], \"title\": \"Known\", \"category\": \"BIAS_FAIRNESS\", "
                + "\"owner\": \"alice\", \"description\": \"Known to the risk service\"}";
        await().atMost(Duration.ofMinutes(2)).until(() -> given().baseUri(LaunchedPlatform.url("risk-service"))
                .auth().oauth2(alice).contentType("application/json").body(risk).post("/api/v1/risks")
                .statusCode() == 201);
        String evidence = "{\"title\": \"Known\", \"kind\": \"LINK\", \"externalUri\": \"https://example.com/known\", "
                + "\"sha256\": \"" + "0".repeat(64) + "\", \"controlIds\": [\"A.5.4\"], \"aiSystemIds\": [\"" + aiSystem + "\"]}";
        await().atMost(Duration.ofMinutes(2)).until(() -> given().baseUri(LaunchedPlatform.url("evidence-service"))
                .auth().oauth2(alice).contentType("application/json").body(evidence).post("/api/v1/evidence")
                .statusCode() == 201);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"inventory-service", "risk-service", "controls-service", "evidence-service",
            "audit-projection"})
    void everyAcceptedWriteSurvivesAKillOnceInTheAuditTrail(String killed) throws Exception {
        String writerService = killed.equals("audit-projection") ? "inventory-service" : killed;
        String instance = killed.equals("audit-projection") ? activeAuditInstance() : killed;
        int restartsBefore = occurrences(instance + " is back and ready");
        String token = LaunchedPlatform.token("alice");

        Queue accepted = new Queue();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch killNow = new CountDownLatch(KILL_AFTER_ACCEPTED);
        try (Writers writers = Writers.start(THREADS, MAX_WRITES_PER_THREAD, () -> {
            Map<String, String> state = new HashMap<>();
            int[] n = {0};
            return () -> {
                Write write = next(writerService, n[0]++, state);
                String correlation = UUID.randomUUID().toString();
                try {
                    HttpResponse<String> response = send(write, token, correlation);
                    if (response.statusCode() / 100 == 2) {
                        remember(write, response, state);
                        accepted.add(new Accepted(correlation, readPath(write, state)));
                        killNow.countDown();
                    } else {
                        failed.incrementAndGet();
                        state.clear(); // the next write starts a new subject
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    state.clear();
                    // A client's pace while the service is down: not a wait for the test's sake.
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
            };
        })) {
            assertThat(killNow.await(2, TimeUnit.MINUTES)).as("writes accepted before the kill").isTrue();
            processOf(instance).destroyForcibly();
            await().atMost(Duration.ofMinutes(3)).until(() -> occurrences(instance + " is back and ready") > restartsBefore);
            int atRestart = accepted.list().size();
            await().atMost(Duration.ofMinutes(2)).until(() -> accepted.list().size() >= atRestart + ACCEPTED_AFTER_RESTART);
            writers.stopAndJoin();
        }

        List<Accepted> all = accepted.list();
        String carol = LaunchedPlatform.token("carol");
        for (Accepted write : all) {
            await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(LaunchedPlatform.url(writerService))
                    .auth().oauth2(token).get(write.readPath()).statusCode() == 200);
        }
        AuditedWrites audited = AuditedWrites.of(all.stream().map(Accepted::correlationId).toList(),
                Duration.ofMinutes(2));
        System.out.printf("Crash accounting, %s killed with -9: %d accepted, %d failed during the outage, %d lost, "
                + "%d duplicated in the audit trail%n", instance, all.size(), failed.get(), audited.lost(), audited.duplicated());
        assertThat(all).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED + ACCEPTED_AFTER_RESTART);
        if (killed.equals("audit-projection")) {
            assertThat(failed.get()).as("writes refused while only the audit's writer was down").isZero();
        } else {
            assertThat(failed.get()).as("writes that met the killed service").isPositive();
        }
        assertThat(audited.lost()).as("accepted writes missing from the audit trail").isZero();
        assertThat(audited.duplicated()).as("accepted writes logged more than once").isZero();
        for (String audit : List.of(LaunchedPlatform.url("audit-projection"), "http://localhost:"
                + (LaunchedPlatform.SERVICE_PORT + 5))) {
            given().baseUri(audit).auth().oauth2(carol).queryParam("derived", "true").get("/api/v1/audit/verify")
                    .then().statusCode(200).body("valid", equalTo(true));
        }
    }

    /** The next command of a thread: a new subject, then a change of it, alternately. */
    private static Write next(String service, int n, Map<String, String> state) {
        String id = state.get("id");
        String unique = UUID.randomUUID().toString();
        return switch (service) {
            case "inventory-service" -> id == null
                    ? new Write(service, "POST", "/api/v1/ai-systems", "{\"name\": \"Crash " + unique + "\", \"purpose\": "
                    + "\"Accounting\", \"owner\": \"alice\", \"organizationRole\": \"DEPLOYER\"}", null)
                    : new Write(service, "PATCH", "/api/v1/ai-systems/" + id, "{\"purpose\": \"Changed " + unique + "\"}", null);
            case "risk-service" -> id == null
                    ? new Write(service, "POST", "/api/v1/risks", "{\"aiSystemIds\": [\"" + aiSystem + "\"], \"title\": "
                    + "\"Crash " + unique + "\", \"category\": \"BIAS_FAIRNESS\", \"owner\": \"alice\", \"description\": "
                    + "\"Crash accounting\"}", null)
                    : new Write(service, "POST", "/api/v1/risks/" + id + "/assessment", "{\"likelihood\": " + (1 + n % 5)
                    + ", \"impact\": 3, \"rationale\": \"" + unique + "\"}", null);
            case "controls-service" -> id == null
                    ? new Write(service, "POST", "/api/v1/controls", "{\"id\": \"CRASH-" + unique + "\", \"title\": "
                    + "\"Crash accounting\"}", null)
                    : new Write(service, "PUT", "/api/v1/controls/" + id + "/owner", "{\"owner\": \"owner-" + unique
                    + "\"}", null);
            case "evidence-service" -> id == null
                    ? new Write(service, "POST", "/api/v1/evidence", "{\"title\": \"Crash " + unique + "\", \"kind\": "
                    + "\"LINK\", \"externalUri\": \"https://example.com/" + unique + "\", \"sha256\": \""
                    + "0".repeat(63) + (n % 10) + "\", \"controlIds\": [\"A.5.4\"]}", null)
                    : new Write(service, "POST", "/api/v1/evidence/" + id + "/links", "{\"aiSystemIds\": [\"" + aiSystem
                    + "\"]}", null);
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** After an accepted write: a new subject is changed next, a changed one is done with. */
    private static void remember(Write write, HttpResponse<String> response, Map<String, String> state) throws Exception {
        if (state.containsKey("id")) {
            state.put("read", state.get("id"));
            state.remove("id");
        } else {
            String id = JSON.readTree(response.body()).path("id").asText();
            state.put("id", id);
            state.put("read", id);
        }
    }

    private static String readPath(Write write, Map<String, String> state) {
        String collection = switch (write.service()) {
            case "inventory-service" -> "/api/v1/ai-systems/";
            case "risk-service" -> "/api/v1/risks/";
            case "controls-service" -> "/api/v1/controls/";
            default -> "/api/v1/evidence/";
        };
        return collection + state.get("read");
    }

    private static HttpResponse<String> send(Write write, String token, String correlation) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(LaunchedPlatform.url(write.service()) + write.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("X-Correlation-Id", correlation)
                .header("Content-Type", write.method().equals("PATCH") ? "application/merge-patch+json" : "application/json")
                .method(write.method(), HttpRequest.BodyPublishers.ofString(write.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String activeAuditInstance() {
        for (int offset : new int[] {4, 5}) {
            String role = given().baseUri("http://localhost:" + (LaunchedPlatform.SERVICE_PORT + offset))
                    .get("/q/health/ready").then().extract().path("checks.find { it.name == 'audit ingest' }.data.role");
            if ("active".equals(role)) {
                return offset == 4 ? "audit-projection" : "audit-projection-standby";
            }
        }
        throw new AssertionError("no audit projection writes the log");
    }

    static ProcessHandle processOf(String instance) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains("-Daims.instance=" + instance + " ")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no process of " + instance));
    }

    static int occurrences(String text) {
        String output = LaunchedPlatform.output();
        int count = 0;
        for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    /** Accepted writes, from several threads. */
    static final class Queue {
        private final ConcurrentLinkedQueue<Accepted> items = new ConcurrentLinkedQueue<>();

        void add(Accepted accepted) {
            items.add(accepted);
        }

        List<Accepted> list() {
            return Collections.unmodifiableList(new ArrayList<>(items));
        }
    }
}
