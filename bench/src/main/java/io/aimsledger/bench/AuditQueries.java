package io.aimsledger.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stages 5 and 6, asked of the harness's audit projection once it holds the pre-loaded log: one AI
 * system as of a random instant of its history, the whole state, inclusion proofs, full verification.
 * One client, one question at a time: these are latencies, not throughput.
 */
final class AuditQueries {

    record Timed(Latencies latencies, long failed) {
    }

    private final BenchAuditProjection audit;
    private final String token;
    private final SplittableRandom random = new SplittableRandom(42);

    AuditQueries(BenchAuditProjection audit, String token) {
        this.audit = audit;
        this.token = token;
    }

    Timed oneEntityAsOf(Events events, int entities, int steps, int samples) throws Exception {
        return timed(samples, () -> {
            int entity = random.nextInt(entities);
            int step = random.nextInt(steps);
            return audit.uri("/api/v1/audit/ai-systems/" + Events.aiSystem(entity) + "?asOf="
                    + events.time(entity, step));
        });
    }

    /** The whole state as of the end of the pre-loaded history; the first answer warms up. */
    Timed wholeState(Events events, int entities, int steps, int runs) throws Exception {
        URI state = audit.uri("/api/v1/audit/state?asOf=" + events.time(entities - 1, steps - 1));
        return timed(runs + 1, () -> state);
    }

    Timed inclusionProofs(List<String> eventIds, int samples) throws Exception {
        return timed(samples, () -> audit.uri("/api/v1/audit/proofs/inclusion?eventId="
                + eventIds.get(random.nextInt(eventIds.size()))));
    }

    /** Full verification: seconds taken and entries checked. */
    double[] verify() throws Exception {
        long start = System.nanoTime();
        JsonNode answer = Http.getJson(audit.uri("/api/v1/audit/verify"), token);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!answer.path("valid").asBoolean()) {
            throw new IllegalStateException("the harness's audit log does not verify: " + answer);
        }
        return new double[] {seconds, answer.path("checkedEntries").asLong()};
    }

    private interface Question {
        URI next();
    }

    private Timed timed(int samples, Question question) throws Exception {
        Latencies latencies = new Latencies();
        long failed = 0;
        for (int i = 0; i < samples; i++) {
            URI uri = question.next();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = Http.CLIENT.send(Http.get(uri, token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                failed++;
            } else if (i > 0 || samples == 1) {
                latencies.record(took);
            }
        }
        return new Timed(latencies, failed);
    }
}
