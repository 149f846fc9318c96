package io.aimsledger.audit.gadget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.audit.TestEvents;
import io.aimsledger.audit.gadget.GadgetContract.GadgetEvent;
import io.aimsledger.audit.gadget.GadgetContract.GadgetView;
import io.aimsledger.contracts.Timeline;
import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Events that take effect in order evolve the latest version; late ones re-fold from their valid time.
 * Whatever the mix, every answer in both times is the pure fold of what was known, and a rebuild from
 * the log gives exactly the live versions. Seeded (-Daims.derivation.seed to replay).
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class IncrementalDerivationTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    private static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.forUser("carol"));
    }

    @Test
    void inOrderAndLateEventsGiveThePureFoldInBothTimesAndTheRebuildMatches() throws Exception {
        long seed = Long.getLong("aims.derivation.seed", System.nanoTime());
        System.out.println("IncrementalDerivationTest seed: " + seed);
        Random random = new Random(seed);
        // Interleaved on one topic, so that polls mix them: one gadget told only in order (folded a poll at
        // a time), two with late events (folded again from their valid time).
        List<String> ids = List.of("gadget-" + UUID.randomUUID(), "gadget-" + UUID.randomUUID(),
                "gadget-" + UUID.randomUUID());
        Map<String, List<Timeline.Change>> published = new java.util.LinkedHashMap<>();
        ids.forEach(id -> published.put(id, history(random, id.equals(ids.getFirst()) ? 0 : 3)));
        List<Map.Entry<String, byte[]>> interleaved = new ArrayList<>();
        for (int version = 0; version < 30; version++) {
            for (String id : ids) {
                Timeline.Change change = published.get(id).get(version);
                interleaved.add(Map.entry(id, CloudEventCodec.toJson(new EventEnvelope(
                        UUID.fromString(change.eventId()), change.eventType(), GadgetContract.V1.source(), id,
                        change.occurredAt(), change.streamVersion(), "alice", null, null, null,
                        PayloadCodec.write(change.event())))));
            }
        }
        TestEvents.sendAll(GadgetContract.V1.topic(), interleaved);
        for (String id : ids) {
            assertAnswersInBothTimes(id, published.get(id));
        }
        auditor().queryParam("derived", "true").get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("derivedChecked", equalTo(true));
    }

    /** 30 changes of one gadget; with {@code lateOneIn} > 0, about one in that many is back-dated. */
    private static List<Timeline.Change> history(Random random, int lateOneIn) {
        List<Timeline.Change> changes = new ArrayList<>();
        for (int version = 1; version <= 30; version++) {
            GadgetEvent event = version == 1 ? new GadgetEvent.GadgetMade("g0")
                    : random.nextInt(10) == 0 ? new GadgetEvent.GadgetScrapped("worn")
                    : new GadgetEvent.GadgetRenamed("g" + version);
            // Mostly forward in valid time, sometimes back-dated; some share an instant.
            Instant at = version == 1 ? START : lateOneIn > 0 && random.nextInt(lateOneIn) == 0
                    ? START.plus(Duration.ofHours(1 + random.nextInt(24 * version)))
                    : START.plus(Duration.ofHours(24L * version + random.nextInt(2)));
            changes.add(new Timeline.Change(version, UUID.randomUUID().toString(), Contracts.REGISTRY.typeOf(event),
                    at, version, event));
        }
        return changes;
    }

    private static void assertAnswersInBothTimes(String id, List<Timeline.Change> published) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> auditor().queryParam("subject", id)
                .queryParam("limit", 500).get("/api/v1/audit/events").then().statusCode(200).body("items.size()", equalTo(30)));
        List<Map<String, Object>> logged = auditor().queryParam("subject", id).queryParam("limit", 500)
                .get("/api/v1/audit/events").then().extract().jsonPath().getList("items");

        for (int known = 1; known <= published.size(); known += 7) {
            Instant knownAt = Instant.parse((String) logged.get(known - 1).get("recordedAt"));
            List<Timeline.Change> knownThen = new ArrayList<>(published.subList(0, known));
            knownThen.sort(Comparator.comparing(Timeline.Change::occurredAt).thenComparingLong(Timeline.Change::seq));
            List<Timeline.Version> expected = Timeline.of(GadgetContract.GADGET, knownThen);
            for (Timeline.Version version : expected) {
                GadgetView view = (GadgetView) version.state();
                auditor().queryParam("asOf", version.validFrom().toString()).queryParam("knownAt", knownAt.toString())
                        .get("/api/v1/audit/gadgets/{id}", id).then().statusCode(200)
                        .body("name", equalTo(view.name())).body("status", equalTo(view.status()))
                        .body("version", equalTo((int) view.version()))
                        .body("updatedAt", equalTo(view.updatedAt().toString()));
            }
        }
        List<Timeline.Change> all = new ArrayList<>(published);
        all.sort(Comparator.comparing(Timeline.Change::occurredAt).thenComparingLong(Timeline.Change::seq));
        assertThat(auditor().get("/api/v1/audit/gadgets/{id}/history", id).then().extract().jsonPath()
                .<String>getList("validFrom"))
                .isEqualTo(Timeline.of(GadgetContract.GADGET, all).stream().map(v -> v.validFrom().toString()).toList());
    }
}
