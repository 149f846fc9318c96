package io.aimsledger.audit.readiness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.audit.TestEvents;
import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.contracts.evidence.v1.Review;
import io.aimsledger.contracts.evidence.v1.ReviewDecision;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Evidence coverage over a period, from the generic history: an expiry leaves a gap, a late upload whose
 * {@code effectiveAt} lies in the gap closes part of it, and as known before that upload the gap is whole.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit_readiness"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class CoverageTest {

    private static final String COVERAGE = "/api/v1/audit/coverage";
    private static final String FROM = "2026-01-01T00:00:00Z";
    private static final String TO = "2026-06-01T00:00:00Z";

    private static void evidence(UUID id, String control, String effectiveAt, String validUntil, String reviewedAt,
                                 boolean accepted) throws Exception {
        TestEvents.publish(id.toString(), 1, effectiveAt, new EvidenceEvent.EvidenceSubmitted(id, "Evidence " + id, null,
                EvidenceKind.LOG, List.of(control), List.of(), Instant.parse(effectiveAt),
                validUntil == null ? null : Instant.parse(validUntil), "alice", "MANUAL", null, "https://e.example/" + id,
                "ab".repeat(32)));
        if (accepted) {
            TestEvents.publish(id.toString(), 2, reviewedAt, new EvidenceEvent.EvidenceReviewed(id,
                    new Review("bob", ReviewDecision.ACCEPT, null, Instant.parse(reviewedAt))));
        }
    }

    private static JsonPath coverage(String control, String knownAt) {
        var request = given().auth().oauth2(Tokens.forUser("carol")).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("controlId", control);
        if (knownAt != null) {
            request.queryParam("knownAt", knownAt);
        }
        return request.get(COVERAGE).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anExpiryLeavesAGapThatALateUploadClosesFromItsEffectiveAtAndKnownAtBeforeItShowsTheGap() throws Exception {
        String control = "COVERED-" + UUID.randomUUID().toString().substring(0, 8);
        TestEvents.publish(control, 1, "2025-12-01T00:00:00Z", new ControlEvent.ControlCatalogued(control,
                ControlSource.CUSTOM, null, null, "Bias testing", null, null));
        TestEvents.publish(control, 2, "2025-12-01T00:00:00Z", new ControlEvent.ApplicabilityDecided(control,
                Applicability.APPLICABLE, "we train models"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        evidence(first, control, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-01-02T00:00:00Z", true);
        evidence(second, control, "2026-04-01T00:00:00Z", null, "2026-04-02T00:00:00Z", true);
        evidence(UUID.randomUUID(), control, "2026-03-01T00:00:00Z", null, null, false);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> coverage(control, null).getList("controls[0].covered").size() == 2);

        JsonPath before = coverage(control, null);
        assertThat(before.getString("controls[0].controlId")).isEqualTo(control);
        assertThat(before.getList("controls[0].covered.from")).containsExactly("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z");
        assertThat(before.getList("controls[0].covered.to")).containsExactly("2026-03-01T00:00:00Z", TO);
        assertThat(before.getList("controls[0].gaps")).containsExactly(Map.of("from", "2026-03-01T00:00:00Z",
                "to", "2026-04-01T00:00:00Z"));
        String knownBeforeUpload = Instant.now().toString();

        UUID late = UUID.randomUUID();
        evidence(late, control, "2026-03-15T00:00:00Z", "2026-04-15T00:00:00Z", Instant.now().toString(), true);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> coverage(control, null).getList("controls[0].gaps").size() == 1
                && coverage(control, null).getString("controls[0].gaps[0].to").equals("2026-03-15T00:00:00Z"));

        JsonPath after = coverage(control, null);
        assertThat(after.getList("controls[0].gaps")).containsExactly(Map.of("from", "2026-03-01T00:00:00Z",
                "to", "2026-03-15T00:00:00Z"));
        assertThat(after.getList("controls[0].covered.from")).containsExactly("2026-01-01T00:00:00Z", "2026-03-15T00:00:00Z");
        assertThat(after.getList("controls[0].covered[1].evidenceIds")).containsExactlyInAnyOrder(late.toString(),
                second.toString());
        assertThat(coverage(control, knownBeforeUpload).getList("controls[0].gaps")).as("as known before the upload")
                .containsExactly(Map.of("from", "2026-03-01T00:00:00Z", "to", "2026-04-01T00:00:00Z"));

        given().auth().oauth2(Tokens.forUser("carol")).queryParam("from", TO).queryParam("to", FROM).get(COVERAGE).then()
                .statusCode(400);
        given().auth().oauth2(Tokens.forUser("carol")).queryParam("to", TO).get(COVERAGE).then().statusCode(400);
        given().auth().oauth2(Tokens.forUser("alice")).queryParam("from", FROM).queryParam("to", TO).get(COVERAGE)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.forUser("carol")).get("/api/v1/audit/evidence/{id}", late).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"));
        given().auth().oauth2(Tokens.forUser("carol")).queryParam("asOf", "2026-03-20T00:00:00Z")
                .get("/api/v1/audit/evidence/{id}", late).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING_REVIEW"));
        given().auth().oauth2(Tokens.forUser("carol")).get("/api/v1/audit/evidence/{id}/history", late).then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(2));
    }
}
