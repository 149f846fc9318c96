package io.aimsledger.controls.evidence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.contracts.evidence.v1.Review;
import io.aimsledger.contracts.evidence.v1.ReviewDecision;
import io.aimsledger.testkit.ContractEvents;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Evidence events keep each control's evidence summary current (API.md, "controls-service"). */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "controls"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class EvidenceSummaryTest {

    private static final String CONTROL = "/api/v1/controls/A.8.3";

    private static EvidenceEvent.EvidenceSubmitted submitted(UUID id, Instant effective, Instant validUntil) {
        return new EvidenceEvent.EvidenceSubmitted(id, "Incident runbook", null, EvidenceKind.DOCUMENT, List.of("A.8.3"),
                List.of(), effective, validUntil, "alice", "MANUAL", null, "https://docs.example/runbook", "ab".repeat(32));
    }

    private static EvidenceEvent.EvidenceReviewed accepted(UUID id, Instant at) {
        return new EvidenceEvent.EvidenceReviewed(id, new Review("bob", ReviewDecision.ACCEPT, null, at));
    }

    @Test
    void acceptedCurrentAndTheNextExpiryFollowTheEvidenceEvents() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant soon = now.plus(30, ChronoUnit.DAYS);
        Instant later = now.plus(300, ChronoUnit.DAYS);
        UUID expiring = UUID.randomUUID();
        UUID lasting = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID past = UUID.randomUUID();
        Instant lastYear = now.minus(400, ChronoUnit.DAYS);
        ContractEvents.publish(expiring.toString(), 1, submitted(expiring, now.minus(5, ChronoUnit.DAYS), soon), now);
        ContractEvents.publish(expiring.toString(), 2, accepted(expiring, now), now);
        ContractEvents.publish(lasting.toString(), 1, submitted(lasting, now.minus(5, ChronoUnit.DAYS), later), now);
        ContractEvents.publish(lasting.toString(), 2, accepted(lasting, now), now);
        ContractEvents.publish(pending.toString(), 1, submitted(pending, now, null), now);
        ContractEvents.publish(past.toString(), 1, submitted(past, lastYear, lastYear.plus(30, ChronoUnit.DAYS)), now);
        ContractEvents.publish(past.toString(), 2, accepted(past, lastYear.plus(1, ChronoUnit.DAYS)), now);

        String token = Tokens.forUser("dave");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token).get(CONTROL).then()
                .statusCode(200).body("evidence.accepted", equalTo(3)).body("evidence.current", equalTo(2))
                .body("evidence.nextExpiry", equalTo(soon.toString())));

        ContractEvents.publish(expiring.toString(), 3, new EvidenceEvent.EvidenceUnlinked(expiring, "A.8.3"), now);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token).get(CONTROL).then()
                .body("evidence.accepted", equalTo(2)).body("evidence.current", equalTo(1))
                .body("evidence.nextExpiry", equalTo(later.toString())));
        given().auth().oauth2(token).accept("application/json").get("/api/v1/soa").then().statusCode(200);
        given().auth().oauth2(Tokens.forUser("alice")).contentType(ContentType.JSON)
                .body(Map.of("owner", "frank")).put(CONTROL + "/owner").then().statusCode(200)
                .body("evidence.current", equalTo(1)).body("lastTest", nullValue());
    }
}
