package io.aimsledger.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.aimsledger.audit.TestEvents;
import io.aimsledger.audit.ingest.AuditConsumer;
import io.aimsledger.audit.ingest.ConsumerProgress;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/** The projection reading every partition again from offset 0: nothing in the log or in any answer changes. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class RedeliveryTest {

    @Inject
    ConsumerProgress progress;

    @Inject
    KafkaClientService clients;

    @Test
    void recordsDeliveredAgainFromTheStartChangeNothing() throws Exception {
        UUID id = UUID.randomUUID();
        var description = new Description("Redelivered", null, "p", "alice", null, OrganizationRole.DEPLOYER, null,
                null, null, List.of(), null);
        publish(id, 1, "2026-04-01T00:00:00Z", new InventoryEvent.AiSystemRegistered(id, description, null));
        publish(id, 2, "2026-04-02T00:00:00Z", new InventoryEvent.AiSystemClassified(id, EuAiActRiskClass.LIMITED_RISK,
                "chatbot"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.forUser("carol"))
                .get("/api/v1/audit/ai-systems/{id}/history", id).then().body("$", hasSize(2)));
        await().atMost(Duration.ofSeconds(60)).until(() -> progress.complete(Instant.now()));
        Snapshot before = snapshot(id);

        // The connector's consumer goes back to the start of every partition it reads: all of it comes again.
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(AuditConsumer.CHANNEL);
        long appliedBefore = progress.recordsApplied();
        long redelivered = consumer.runOnPollingThread(kafka -> {
            long records = 0;
            for (TopicPartition partition : kafka.assignment()) {
                records += kafka.position(partition) - kafka.beginningOffsets(List.of(partition)).get(partition);
            }
            kafka.seekToBeginning(kafka.assignment());
            return records;
        }).await().atMost(Duration.ofSeconds(30));
        assertThat(redelivered).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(120)).until(() -> progress.recordsApplied() >= appliedBefore + redelivered);

        assertThat(snapshot(id)).isEqualTo(before);
    }

    private record Snapshot(long entries, String trail, String history, String state) {
    }

    private static Snapshot snapshot(UUID id) throws SQLException {
        var carol = given().auth().oauth2(Tokens.forUser("carol"));
        try (var connection = TestServers.postgres().connect("audit"); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from audit_log where subject = '" + id + "'")) {
            rows.next();
            return new Snapshot(rows.getLong(1),
                    carol.queryParam("subject", id.toString()).get("/api/v1/audit/events").asString(),
                    given().auth().oauth2(Tokens.forUser("carol")).get("/api/v1/audit/ai-systems/{id}/history", id).asString(),
                    given().auth().oauth2(Tokens.forUser("carol")).queryParam("asOf", "2026-04-03T00:00:00Z")
                            .queryParam("knownAt", "2100-01-01T00:00:00Z").get("/api/v1/audit/state").path("aiSystems")
                            .toString());
        }
    }

    private static void publish(UUID id, long version, String occurredAt, InventoryEvent event) throws Exception {
        TestEvents.publish(id, version, occurredAt, event);
    }
}
