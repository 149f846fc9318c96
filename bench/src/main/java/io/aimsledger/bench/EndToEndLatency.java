package io.aimsledger.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stage 3: at a steady rate (open loop: commands go out on schedule whether or not earlier ones are
 * done), the time from a registration's HTTP response to the audit projection having it. One observer
 * tails the audit trail every {@link #POLL_MILLIS} ms (an entry is logged in the same transaction that
 * updates the as-of state), and each sighting is then confirmed by one as-of question for that AI
 * system. Polling each command separately would load the projection with the measurement itself.
 */
final class EndToEndLatency {

    static final int POLL_MILLIS = 5;
    private static final String REGISTERED = "io.aimsledger.inventory.ai-system-registered.v1";

    record Outcome(Latencies latencies, long sent, long failed, long notSeen, long notConfirmed, double achievedRate) {
    }

    private EndToEndLatency() {
    }

    /**
     * Waits until the platform's audit projection has logged every event inventory-service stored (the
     * earlier stages leave a backlog); returns how long that took.
     */
    static Duration awaitAuditCaughtUp(LaunchedPlatform platform) throws Exception {
        long start = System.nanoTime();
        long stored = count(platform, "inventory", "select count(*) from event_store");
        while (count(platform, "audit", "select count(*) from audit_log where source = '/aims/inventory'") < stored) {
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("the audit projection did not catch up with inventory in 10 minutes");
            }
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static long count(LaunchedPlatform platform, String database, String sql) throws Exception {
        try (var c = platform.connect(database); var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Outcome measure(LaunchedPlatform platform, BenchOptions options) throws Exception {
        String alice = Http.token(platform.tokenEndpoint(), "alice");
        String carol = Http.token(platform.tokenEndpoint(), "carol");
        URI register = platform.service("inventory-service", "/api/v1/ai-systems");
        Latencies latencies = new Latencies();
        AtomicLong failed = new AtomicLong();
        AtomicLong notConfirmed = new AtomicLong();
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> seenEarly = new ConcurrentHashMap<>();
        long total = options.rate() * options.endToEnd().toSeconds();
        AtomicLong sent = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        long lastSeq = latestSeq(platform, carol);

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        long started = System.nanoTime();
        var sending = scheduler.scheduleAtFixedRate(() -> {
            long n = sent.incrementAndGet();
            if (n > total) {
                return;
            }
            Http.CLIENT.sendAsync(Http.postJson(register, alice, Events.registration((int) n)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                if (error != null || response.statusCode() != 201) {
                    failed.incrementAndGet();
                    return;
                }
                String id = id(response.body());
                Long seen = seenEarly.remove(id);
                if (seen != null) {
                    latencies.record(Math.max(0, seen - now));
                    measured.incrementAndGet();
                } else {
                    answered.put(id, now);
                }
            });
        }, 0, 1_000_000_000L / options.rate(), TimeUnit.NANOSECONDS);

        long deadline = started + options.endToEnd().toNanos() + TimeUnit.SECONDS.toNanos(60);
        while (measured.get() + failed.get() < total && System.nanoTime() < deadline) {
            JsonNode page = Http.getJson(trailAfter(platform, lastSeq), carol);
            long now = System.nanoTime();
            for (JsonNode entry : page.path("items")) {
                lastSeq = Math.max(lastSeq, entry.path("seq").asLong());
                String id = entry.path("subject").asText();
                Long at = answered.remove(id);
                if (at == null) {
                    seenEarly.put(id, now);
                    continue;
                }
                latencies.record(now - at);
                measured.incrementAndGet();
                confirm(platform, carol, id, notConfirmed);
            }
            if (sent.get() >= total) {
                sending.cancel(false);
            }
            if (!page.path("items").isEmpty() && !page.path("nextCursor").isNull()) {
                continue;
            }
            Thread.sleep(POLL_MILLIS);
        }
        double seconds = Math.min(System.nanoTime() - started, options.endToEnd().toNanos()) / 1e9;
        sending.cancel(false);
        scheduler.shutdown();
        return new Outcome(latencies, total, failed.get(), total - measured.get() - failed.get(), notConfirmed.get(),
                Math.min(sent.get(), total) / seconds);
    }

    private static void confirm(LaunchedPlatform platform, String token, String id, AtomicLong notConfirmed) {
        Http.CLIENT.sendAsync(Http.get(platform.service("audit-projection", "/api/v1/audit/ai-systems/" + id), token)
                .build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() != 200) {
                notConfirmed.incrementAndGet();
            }
        });
    }

    /** The newest entry's seq: the observer starts after it. */
    private static long latestSeq(LaunchedPlatform platform, String token) throws Exception {
        long seq = 0;
        for (JsonNode page = Http.getJson(trailAfter(platform, 0), token); ;
             page = Http.getJson(trailAfter(platform, seq), token)) {
            for (JsonNode entry : page.path("items")) {
                seq = Math.max(seq, entry.path("seq").asLong());
            }
            if (page.path("nextCursor").isNull()) {
                return seq;
            }
        }
    }

    // The harness lives with the service, so it may build the trail's cursor ("seq:<n>") itself.
    private static URI trailAfter(LaunchedPlatform platform, long seq) {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("seq:" + seq).getBytes(StandardCharsets.UTF_8));
        return platform.service("audit-projection", "/api/v1/audit/events?limit=500&type="
                + URLEncoder.encode(REGISTERED, StandardCharsets.UTF_8) + "&cursor=" + cursor);
    }

    private static String id(String body) {
        try {
            return Http.JSON.readTree(body).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("no id in " + body, e);
        }
    }
}
