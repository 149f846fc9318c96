package io.aimsledger.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** Stage 2: AI systems registered through inventory-service's REST API with a real token, closed loop. */
final class InventoryCommands {

    /** Keys of this run, so that a platform kept from an earlier run replays none of them. */
    private static final String RUN = java.util.UUID.randomUUID().toString();

    private InventoryCommands() {
    }

    static Load.Outcome measure(LaunchedPlatform platform, BenchOptions options) throws Exception {
        String token = Http.token(platform.tokenEndpoint(), "alice");
        URI register = platform.service("inventory-service", "/api/v1/ai-systems");
        AtomicInteger n = new AtomicInteger();
        return Load.run(options.concurrency(), options.warmUp(), options.measure(), () -> () -> {
            int registration = n.incrementAndGet();
            HttpResponse<Void> response = Http.CLIENT.send(
                    Http.postJson(register, token, Events.registration(registration))
                            .header("Idempotency-Key", "bench-" + registration + "-" + RUN).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /api/v1/ai-systems answered " + response.statusCode());
            }
        });
    }
}
