package io.aimsledger.evidence.expiry;

import static io.aimsledger.evidence.support.EvidenceApi.EVIDENCE;
import static io.aimsledger.evidence.support.EvidenceApi.as;
import static io.aimsledger.evidence.support.EvidenceApi.count;
import static io.aimsledger.evidence.support.EvidenceApi.external;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aimsledger.evidence.support.EvidenceApi;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * {@code EvidenceExpired} at {@code validUntil}, once: while the scheduled sweep runs, sweeps of other
 * "replicas" (each sweeping on its own connections and transactions, as another process would) race it,
 * and later sweeps, as after a restart, find nothing more to do.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = EvidenceApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class ExpiryTest {

    @Inject
    ExpirySweep sweep;

    /** One sweep, as a replica's scheduler runs it: on a Vert.x context, with its own session and transactions. */
    private int sweepOnce() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> sweep.sweep());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static long expiredEvents(String id) throws Exception {
        return count("select count(*) from event_store where stream_id = '" + id
                + "' and event_type = 'io.aimsledger.evidence.evidence-expired.v1'");
    }

    @Test
    void evidenceExpiresAtItsValidUntilOnceWhileSeveralReplicasSweepAtTheSameTime() throws Exception {
        Instant effective = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant validUntil = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(external("alice", List.of("A.6.2.4"), effective, validUntil));
        }
        as("bob").body(Map.of("decision", "ACCEPT")).post(EVIDENCE + "/{id}/review", ids.getFirst()).then().statusCode(200);

        var replicas = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sweeps = new ArrayList<>();
            while (Instant.now().isBefore(validUntil.plusSeconds(2))) {
                for (int r = 0; r < 4; r++) {
                    Callable<Integer> one = this::sweepOnce;
                    sweeps.add(replicas.submit(one));
                }
                for (Future<Integer> s : sweeps) {
                    s.get();
                }
            }
            int expiredBySweeps = 0;
            for (Future<Integer> s : sweeps) {
                expiredBySweeps += s.get();
            }
            assertThat(expiredBySweeps).as("expired by the racing sweeps (the scheduled one may have done some)")
                    .isLessThanOrEqualTo(ids.size());
        } finally {
            replicas.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(expiredEvents(id)).as("EvidenceExpired of " + id).isEqualTo(1);
            }
        });
        // Later sweeps, as after a restart of every replica, emit nothing more.
        for (int i = 0; i < 3; i++) {
            assertThat(sweepOnce()).isZero();
        }
        for (String id : ids) {
            assertThat(expiredEvents(id)).isEqualTo(1);
        }
        assertThat(count("select count(*) from event_store where stream_id = '" + ids.getFirst() + "' and event_type = "
                + "'io.aimsledger.evidence.evidence-expired.v1' and occurred_at = '" + validUntil + "'"))
                .as("the expiry takes effect at validUntil").isEqualTo(1);
        as("dave").get(EVIDENCE + "/{id}", ids.getFirst()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("EXPIRED"));
        as("dave").get(EVIDENCE + "/{id}", ids.get(1)).then().body("status", org.hamcrest.Matchers.equalTo("EXPIRED"));
    }
}
