package io.aimsledger.audit.gadget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aimsledger.audit.TestEvents;
import io.aimsledger.audit.gadget.GadgetContract.GadgetEvent;
import io.aimsledger.audit.history.EntityHistory;
import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/** An entity type declared only in test scope gets everything the audit offers, with no audit code of its own. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class GadgetAuditTest {

    private static final String GADGETS = "/api/v1/audit/gadgets";

    private static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.forUser("carol"));
    }

    private static void publish(String id, long version, String occurredAt, GadgetEvent event) throws Exception {
        TestEvents.send(GadgetContract.V1.topic(), id, CloudEventCodec.toJson(new EventEnvelope(UUID.randomUUID(),
                Contracts.REGISTRY.typeOf(event), GadgetContract.V1.source(), id, Instant.parse(occurredAt), version,
                "alice", null, null, null, PayloadCodec.write(event))));
    }

    @Test
    void aGadgetIsVersionedAnsweredInBothTimesDiffedExportedAndVerified() throws Exception {
        String id = "gadget-" + UUID.randomUUID();
        publish(id, 1, "2026-04-01T00:00:00Z", new GadgetEvent.GadgetMade("Sprocket"));
        publish(id, 2, "2026-04-10T00:00:00Z", new GadgetEvent.GadgetRenamed("Sprocket II"));
        // Told late: scrapped on 5 April, recorded after the renaming of 10 April.
        publish(id, 3, "2026-04-05T00:00:00Z", new GadgetEvent.GadgetScrapped("rusty"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> auditor().get(GADGETS + "/{id}/history", id)
                .then().statusCode(200)
                .body("validFrom", contains("2026-04-01T00:00:00Z", "2026-04-05T00:00:00Z", "2026-04-10T00:00:00Z")));
        auditor().queryParam("asOf", "2026-03-31T00:00:00Z").get(GADGETS + "/{id}", id)
                .then().statusCode(404).body("code", equalTo("audit.not-found-at-time"));
        auditor().queryParam("asOf", "2026-04-02T00:00:00Z").get(GADGETS + "/{id}", id).then().statusCode(200)
                .body("name", equalTo("Sprocket")).body("status", equalTo("IN_USE")).body("version", equalTo(1));
        auditor().queryParam("asOf", "2026-04-06T00:00:00Z").get(GADGETS + "/{id}", id).then().statusCode(200)
                .body("name", equalTo("Sprocket")).body("status", equalTo("SCRAPPED")).body("version", equalTo(3));
        auditor().queryParam("asOf", "2026-04-11T00:00:00Z").get(GADGETS + "/{id}", id).then().statusCode(200)
                .body("name", equalTo("Sprocket II")).body("status", equalTo("SCRAPPED"))
                .body("createdAt", equalTo("2026-04-01T00:00:00Z")).body("updatedAt", equalTo("2026-04-10T00:00:00Z"));

        String mine = "changes.find { it.entityId == '" + id + "' }";
        auditor().queryParam("from", "2026-04-02T00:00:00Z").queryParam("to", "2026-04-06T00:00:00Z")
                .get("/api/v1/audit/diff").then().statusCode(200)
                .body(mine + ".entityType", equalTo("gadget")).body(mine + ".change", equalTo("RETIRED"))
                .body(mine + ".before.status", equalTo("IN_USE")).body(mine + ".after.status", equalTo("SCRAPPED"));
        auditor().queryParam("asOf", "2026-04-11T00:00:00Z").get("/api/v1/audit/state").then().statusCode(200)
                .body("gadgets.name", hasItem("Sprocket II")).body("aiSystems", org.hamcrest.Matchers.notNullValue());
        auditor().queryParam("derived", "true").get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("derivedChecked", equalTo(true));

        byte[] export = auditor().queryParam("asOf", "2026-04-11T00:00:00Z").get("/api/v1/audit/export")
                .then().statusCode(200).extract().asByteArray();
        assertThat(entry(export, "state.json")).contains("\"gadgets\"").contains("Sprocket II");
    }

    @Inject
    EntityHistory history;

    @Inject
    Pool pool;

    /** After V6 dropped the AI system versions, the service derives every type's versions again at start. */
    @Test
    void versionsThatAreMissingAreDerivedAgainFromTheLogAndTheRebuildIsOnRecord() throws Exception {
        String id = "gadget-" + UUID.randomUUID();
        publish(id, 1, "2026-05-01T00:00:00Z", new GadgetEvent.GadgetMade("Cog"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> auditor().get(GADGETS + "/{id}/history", id)
                .then().statusCode(200).body("size()", equalTo(1)));
        String before = auditor().get(GADGETS + "/{id}/history", id).then().extract().asString();

        try (Connection owner = TestServers.postgres().connect("audit"); var statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("insert into derived_rebuild (requested_by) values ('test: as if V6 had just run')");
            statement.execute("delete from entity_version");
            owner.commit();
        }
        auditor().get(GADGETS + "/{id}/history", id).then().body("size()", equalTo(0));

        long derived = pool.withTransaction(history::deriveIfMissing).await().atMost(Duration.ofMinutes(2));

        assertThat(derived).isPositive();
        auditor().get(GADGETS + "/{id}/history", id).then().statusCode(200).body(equalTo(before));
        assertThat(pool.query("select requested_by from derived_rebuild order by id desc limit 1").execute()
                .await().indefinitely().iterator().next().getString(0)).contains("migration V6");
        assertThat(pool.withTransaction(history::deriveIfMissing).await().indefinitely()).isZero();
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the export");
    }
}
