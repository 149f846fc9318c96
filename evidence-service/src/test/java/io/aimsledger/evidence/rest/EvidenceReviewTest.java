package io.aimsledger.evidence.rest;

import static io.aimsledger.evidence.support.EvidenceApi.EVIDENCE;
import static io.aimsledger.evidence.support.EvidenceApi.as;
import static io.aimsledger.evidence.support.EvidenceApi.external;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.evidence.support.EvidenceApi;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Review with four eyes by the realm's users, links, supersession, lists and the API's problems. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = EvidenceApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class EvidenceReviewTest {

    private static final Instant JANUARY = Instant.parse("2026-01-10T00:00:00Z");

    @Test
    void evidenceIsReviewedOnceBySomeoneOtherThanItsCollectorWithTheApproverRole() {
        String byAlice = external("alice", List.of("A.6.2.4"), JANUARY, null);
        as("alice").body(Map.of("decision", "ACCEPT")).post(EVIDENCE + "/{id}/review", byAlice).then().statusCode(403)
                .contentType(EvidenceApi.PROBLEM);
        String byErin = external("erin", List.of("A.6.2.4"), JANUARY, null);
        as("erin").body(Map.of("decision", "ACCEPT")).post(EVIDENCE + "/{id}/review", byErin).then().statusCode(409)
                .body("code", equalTo("approval.same-person"));

        as("bob").body(Map.of("decision", "ACCEPT", "comment", "matches the test plan"))
                .post(EVIDENCE + "/{id}/review", byErin).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("reviews[0].by", equalTo("bob")).body("reviews[0].decision", equalTo("ACCEPT"))
                .body("reviews[0].comment", equalTo("matches the test plan")).body("version", equalTo(2));
        as("bob").body(Map.of("decision", "REJECT")).post(EVIDENCE + "/{id}/review", byErin).then().statusCode(409)
                .body("code", equalTo("evidence.already-reviewed"));
        as("erin").body(Map.of("decision", "REJECT", "comment", "out of scope")).post(EVIDENCE + "/{id}/review", byAlice)
                .then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void linksAreAddedAndRemovedAndOnlyKnownControlsAndAiSystemsCanBeLinked() throws Exception {
        UUID system = EvidenceApi.aiSystem();
        String id = external("alice", List.of("A.6.2.4"), JANUARY, null);
        as("alice").body(Map.of("controlIds", List.of("A.6.2.5", "A.6.2.4"), "aiSystemIds", List.of(system)))
                .post(EVIDENCE + "/{id}/links", id).then().statusCode(200)
                .body("controlIds", contains("A.6.2.4", "A.6.2.5")).body("aiSystemIds", contains(system.toString()));
        as("alice").body(Map.of("controlIds", List.of("NOPE-1"))).post(EVIDENCE + "/{id}/links", id).then()
                .statusCode(422).body("code", equalTo("evidence.unknown-control"));
        as("alice").body(Map.of("aiSystemIds", List.of(UUID.randomUUID()))).post(EVIDENCE + "/{id}/links", id).then()
                .statusCode(422).body("code", equalTo("evidence.unknown-ai-system"));
        as("alice").delete(EVIDENCE + "/{id}/links/{control}", id, "A.6.2.4").then().statusCode(200)
                .body("controlIds", contains("A.6.2.5")).body("version", equalTo(3));
        as("alice").delete(EVIDENCE + "/{id}/links/{control}", id, "A.6.2.4").then().statusCode(200)
                .body("version", equalTo(3));

        as("dave").queryParam("controlId", "A.6.2.5").get(EVIDENCE).then().statusCode(200)
                .body("items.id", hasItem(id));
        as("dave").queryParam("controlId", "A.6.2.4").get(EVIDENCE).then().body("items.id", not(hasItem(id)));
        as("dave").queryParam("aiSystemId", system.toString()).get(EVIDENCE).then().body("items.id", contains(id));
    }

    @Test
    void supersededEvidenceNamesItsSuccessorAndChangesNoMore() {
        String old = external("alice", List.of("A.7.2"), JANUARY, null);
        String successor = external("alice", List.of("A.7.2"), Instant.parse("2026-03-01T00:00:00Z"), null);
        as("alice").body(Map.of("byEvidenceId", old)).post(EVIDENCE + "/{id}/supersede", old).then().statusCode(422)
                .body("code", equalTo("evidence.supersedes-itself"));
        as("alice").body(Map.of("byEvidenceId", UUID.randomUUID())).post(EVIDENCE + "/{id}/supersede", old).then()
                .statusCode(422).body("code", equalTo("evidence.unknown-evidence"));
        as("alice").body(Map.of("byEvidenceId", successor)).post(EVIDENCE + "/{id}/supersede", old).then()
                .statusCode(200).body("status", equalTo("SUPERSEDED")).body("supersededBy", equalTo(successor));
        as("bob").body(Map.of("decision", "ACCEPT")).post(EVIDENCE + "/{id}/review", old).then().statusCode(409)
                .body("code", equalTo("evidence.superseded"));
        as("dave").queryParam("status", "SUPERSEDED").get(EVIDENCE).then().body("items.id", hasItem(old));
    }

    @Test
    void readsAndWritesAnswerTheApiProblems() {
        as("dave").get(EVIDENCE + "/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("evidence.not-found"));
        as("dave").get(EVIDENCE + "/not-a-uuid").then().statusCode(400);
        as("alice").body(Map.of("title", "t", "kind", "LOG", "controlIds", List.of("A.6.2.4"))).post(EVIDENCE).then()
                .statusCode(400).body("violations.field", contains("externalUri", "sha256"));
        as("alice").body(Map.of("title", "t", "kind", "LOG", "externalUri", "https://x.example/a", "sha256", "ab".repeat(32),
                "effectiveAt", Instant.now().plusSeconds(3600).toString())).post(EVIDENCE).then().statusCode(400)
                .body("code", equalTo("time.in-future"));
        String id = external("alice", List.of("A.6.2.4"), JANUARY, null);
        as("dave").get(EVIDENCE + "/{id}/content", id).then().statusCode(404)
                .body("code", equalTo("evidence.no-stored-content"));
        var view = as("dave").get(EVIDENCE + "/{id}", id).then().statusCode(200).header("ETag", "\"1\"").extract();
        assertThat(view.<String>path("externalUri")).startsWith("https://reports.example/");
        assertThat(view.<Object>path("content")).isNull();
        as("dave").body(Map.of("controlIds", List.of("A.6.2.5"))).post(EVIDENCE + "/{id}/links", id).then().statusCode(403);
    }
}
