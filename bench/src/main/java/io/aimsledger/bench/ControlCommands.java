package io.aimsledger.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stage 2, controls-service: a custom control catalogued, decided applicable and its implementation
 * recorded through the REST API with a real token, closed loop, three commands per operation; then the
 * Statement of Applicability of every control (38 Annex A and the custom ones, at least 1,000) as the audit
 * answers it as of an instant, one question at a time.
 */
final class ControlCommands {

    private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    static final int AT_LEAST = 1_000;

    private ControlCommands() {
    }

    static Load.Outcome measure(LaunchedPlatform platform, BenchOptions options) throws Exception {
        String token = Http.token(platform.tokenEndpoint(), "alice");
        URI controls = platform.service("controls-service", "/api/v1/controls");
        AtomicInteger n = new AtomicInteger();
        Load.Outcome outcome = Load.run(options.concurrency(), options.warmUp(), options.measure(), () -> () -> {
            String id = "BENCH-" + RUN + "-" + n.incrementAndGet();
            expect(Http.CLIENT.send(Http.postJson(controls, token, "{\"id\": \"" + id + "\", \"title\": \"Bench control\"}")
                    .build(), HttpResponse.BodyHandlers.discarding()), 201, "POST /api/v1/controls");
            expect(Http.CLIENT.send(put(URI.create(controls + "/" + id + "/applicability"), token,
                    "{\"applicability\": \"APPLICABLE\", \"justification\": \"benchmark\"}"),
                    HttpResponse.BodyHandlers.discarding()), 200, "PUT /api/v1/controls/{id}/applicability");
            expect(Http.CLIENT.send(Http.postJson(URI.create(controls + "/" + id + "/implementation"), token,
                    "{\"status\": \"IN_PROGRESS\", \"description\": \"benchmark\"}").build(),
                    HttpResponse.BodyHandlers.discarding()), 200, "POST /api/v1/controls/{id}/implementation");
        });
        while (n.get() < AT_LEAST) {
            String id = "BENCH-" + RUN + "-" + n.incrementAndGet();
            expect(Http.CLIENT.send(Http.postJson(controls, token, "{\"id\": \"" + id + "\", \"title\": \"Bench control\"}")
                    .build(), HttpResponse.BodyHandlers.discarding()), 201, "POST /api/v1/controls");
        }
        return outcome;
    }

    /** The audit's SoA as of now, once the audit has read every control catalogued above. */
    static Latencies auditSoa(LaunchedPlatform platform, int samples) throws Exception {
        String token = Http.token(platform.tokenEndpoint(), "carol");
        URI all = platform.service("audit-projection", "/api/v1/audit/soa");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Http.getJson(all, token).path("rows").size() < 38 + AT_LEAST) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the audit did not hold the controls within five minutes");
            }
            Thread.sleep(500);
        }
        URI asOf = URI.create(all + "?asOf=" + Instant.now());
        Latencies latencies = new Latencies();
        for (int i = 0; i <= samples; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = Http.CLIENT.send(Http.get(asOf, token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            expect(response, 200, "GET /api/v1/audit/soa");
            if (i > 0) {
                latencies.record(System.nanoTime() - start);
            }
        }
        return latencies;
    }

    private static HttpRequest put(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void expect(HttpResponse<?> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode());
        }
    }
}
