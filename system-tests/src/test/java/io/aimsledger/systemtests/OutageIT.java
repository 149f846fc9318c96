package io.aimsledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Outages under load: Kafka paused (SIGSTOP) and resumed, PostgreSQL shut down fast and started again, while
 * writers register AI systems. A write either succeeds or is refused with a 503 problem; readiness says DOWN
 * within a bound during the outage and UP after; nothing accepted is lost or logged twice once the relays and
 * the audit have caught up.
 */
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageIT {

    private static final Duration DOWN_WITHIN = Duration.ofSeconds(30);
    private static final Duration UP_WITHIN = Duration.ofMinutes(2);
    private static final int THREADS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void platform() throws Exception {
        LaunchedPlatform.launcher();
    }

    @Test
    @Order(1)
    void kafkaPausedAndResumed() throws Exception {
        ProcessHandle kafka = javaProcessUsing(LaunchedPlatform.DATA.resolve("kafka"));
        underLoad("Kafka paused", () -> signal(kafka, "STOP"), () -> signal(kafka, "CONT"));
    }

    @Test
    @Order(2)
    void postgresRestarted() throws Exception {
        ProcessHandle postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(LaunchedPlatform.DATA.resolve("postgres")
                        + " ")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no postmaster of the platform"));
        // As the launcher's PostgreSQL (zonky) runs it: in a user namespace, where root is not root (ENVIRONMENT.md).
        List<String> command = new ArrayList<>(List.of("unshare", "-U"));
        command.addAll(List.of(postmaster.info().commandLine().orElseThrow().split(" ")));
        underLoad("PostgreSQL restarted", () -> {
            signal(postmaster, "INT"); // fast shutdown
            await().atMost(Duration.ofMinutes(1)).until(() -> !postmaster.isAlive());
        }, () -> new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "postgres-restarted.log").toFile()).start());
    }

    interface Step {
        void run() throws Exception;
    }

    /** Writers run before, during and after the outage; the counts are asserted at the end. */
    private static void underLoad(String outage, Step begin, Step end) throws Exception {
        String token = LaunchedPlatform.token("alice");
        URI ready = URI.create(LaunchedPlatform.url("inventory-service") + "/q/health/ready");
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wrongRefusals = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> refused = new TreeMap<>();
        Duration down;
        Duration up;
        try (Writers writers = Writers.start(THREADS, Integer.MAX_VALUE, () -> () -> {
            String correlation = UUID.randomUUID().toString();
            try {
                HttpResponse<String> response = register(token, correlation);
                if (response.statusCode() == 201) {
                    accepted.add(correlation);
                } else {
                    synchronized (refused) {
                        refused.merge(response.statusCode(), 1, Integer::sum);
                    }
                    boolean problem = response.headers().firstValue("Content-Type").orElse("")
                            .startsWith("application/problem+json");
                    if (response.statusCode() != 503 || !problem) {
                        wrongRefusals.add(response.statusCode() + " " + response.body());
                    }
                }
            } catch (Exception e) {
                wrongRefusals.add("no answer: " + e);
            }
        })) {
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 10);
            long started = System.nanoTime();
            begin.run();
            try {
                await().atMost(DOWN_WITHIN).until(() -> status(ready) == 503);
                down = Duration.ofNanos(System.nanoTime() - started);
                int acceptedDuring = accepted.size();
                await().atMost(Duration.ofSeconds(30)).until(() -> refusedOrAccepted(refused, accepted, acceptedDuring));
            } finally {
                end.run(); // whatever happened, the platform is whole again for the tests after this one
            }
            long resumed = System.nanoTime();
            await().atMost(UP_WITHIN).until(() -> status(ready) == 200);
            up = Duration.ofNanos(System.nanoTime() - resumed);
            int afterResume = accepted.size();
            await().atMost(Duration.ofMinutes(1)).until(() -> accepted.size() >= afterResume + 10);
            writers.stopAndJoin();
        }

        AuditedWrites audited = AuditedWrites.of(new ArrayList<>(accepted), Duration.ofMinutes(3));
        System.out.printf("%s: %d accepted, refused %s, %d lost, %d duplicated; readiness DOWN after %d ms, UP %d ms "
                + "after the end%n", outage, audited.accepted(), refused, audited.lost(), audited.duplicated(), down.toMillis(),
                up.toMillis());
        assertThat(wrongRefusals).as("refusals other than a 503 problem").isEmpty();
        assertThat(audited.accepted()).as("writes accepted around the outage").isGreaterThanOrEqualTo(20);
        assertThat(audited.lost()).isZero();
        assertThat(audited.duplicated()).isZero();
    }

    /** During the outage something happened to a write: it was refused, or accepted (the outbox holds it). */
    private static boolean refusedOrAccepted(Map<Integer, Integer> refused, ConcurrentLinkedQueue<String> accepted,
                                             int acceptedBefore) {
        synchronized (refused) {
            return !refused.isEmpty() || accepted.size() > acceptedBefore + 5;
        }
    }

    private static HttpResponse<String> register(String token, String correlation) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", "Outage " + correlation, "purpose", "Load during an outage",
                "owner", "alice", "organizationRole", "DEPLOYER"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(LaunchedPlatform.url("inventory-service") + "/api/v1/ai-systems"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("X-Correlation-Id", correlation).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static ProcessHandle javaProcessUsing(Path folder) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(folder.toString())).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no process using " + folder));
    }

    private static void signal(ProcessHandle process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }
}
