package io.aimsledger.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Stage 2, risk-service: a risk identified and then assessed through its REST API with a real token,
 * closed loop, two commands per operation. The AI system they refer to is registered in the inventory
 * first and reaches the risk service's replica through Kafka.
 */
final class RiskCommands {

    private static final String RUN = java.util.UUID.randomUUID().toString();

    private RiskCommands() {
    }

    static Load.Outcome measure(LaunchedPlatform platform, BenchOptions options) throws Exception {
        String token = Http.token(platform.tokenEndpoint(), "alice");
        String system = registeredAiSystem(platform, token);
        URI risks = platform.service("risk-service", "/api/v1/risks");
        String risk = "{\"aiSystemIds\": [\"" + system + "\"], \"title\": \"Unfair denials\", \"category\": "
                + "\"BIAS_FAIRNESS\", \"owner\": \"alice\", \"description\": \"Qualified applicants denied credit\"}";
        awaitReplica(risks, token, risk);
        String assessment = "{\"likelihood\": 4, \"impact\": 3, \"rationale\": \"seen in the pilot\"}";
        return Load.run(options.concurrency(), options.warmUp(), options.measure(), () -> () -> {
            HttpResponse<String> created = Http.CLIENT.send(Http.postJson(risks, token, risk).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("POST /api/v1/risks answered " + created.statusCode());
            }
            String id = Http.JSON.readTree(created.body()).path("id").asText();
            HttpResponse<Void> assessed = Http.CLIENT.send(Http.postJson(URI.create(risks + "/" + id + "/assessment"),
                    token, assessment).build(), HttpResponse.BodyHandlers.discarding());
            if (assessed.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/risks/{id}/assessment answered " + assessed.statusCode());
            }
        });
    }

    private static String registeredAiSystem(LaunchedPlatform platform, String token) throws Exception {
        HttpResponse<String> response = Http.CLIENT.send(Http.postJson(platform.service("inventory-service",
                        "/api/v1/ai-systems"), token, Events.registration(0)).header("Idempotency-Key", "bench-risk-" + RUN)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/ai-systems answered " + response.statusCode());
        }
        return Http.JSON.readTree(response.body()).path("id").asText();
    }

    /** Until the risk service's replica has read the AI system (422 until then). */
    private static void awaitReplica(URI risks, String token, String risk) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            int status = Http.CLIENT.send(Http.postJson(risks, token, risk).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status == 201) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the risk service did not learn of the AI system within two minutes");
    }
}
