package io.aimsledger.inventory.ingest;

import static io.aimsledger.inventory.ingest.InboundEvents.discovered;
import static io.aimsledger.inventory.ingest.InboundEvents.event;
import static io.aimsledger.inventory.ingest.InboundEvents.modelRegistered;
import static io.aimsledger.inventory.ingest.InboundEvents.newId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.aimsledger.eventstore.inbox.DeadLetters;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestTopics;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "inventory"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class KafkaIngestTest {

    @Test
    void validEventsAreAppliedOnceAndWhatCannotBeAppliedIsDeadLetteredWithoutStoppingTheRest() throws Exception {
        String ref = "kafka:" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        String discoveredId = newId();
        String schemaInvalid = newId();
        String unknownSystem = newId();
        String unknownType = newId();
        send(discovered(discoveredId, ref, owner),
                event(schemaInvalid, InboundEvents.DISCOVERED, "{\"externalRef\": \"x\"}"),
                modelRegistered(unknownSystem, "kafka:nobody-" + UUID.randomUUID()),
                "this is not a CloudEvent",
                event(unknownType, "io.aimsledger.ingest.something-else.v1", "{}"),
                discovered(discoveredId, ref, owner),
                modelRegistered(newId(), ref));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(Tokens.forUser("dave")).queryParam("owner", owner)
                    .get("/api/v1/ai-systems").then().statusCode(200).extract().path("items");
            assertThat(items).hasSize(1);
            assertThat((List<?>) items.getFirst().get("models")).hasSize(1);
        });

        List<ConsumerRecord<String, String>> dead = deadLetters(List.of(schemaInvalid, unknownSystem, unknownType));
        assertThat(dead).extracting(r -> header(r, DeadLetters.CODE))
                .containsExactly("ingest.schema-invalid", "ai-system.not-found", "ingest.unknown-type");
        assertThat(dead).allSatisfy(r -> assertThat(header(r, DeadLetters.REASON)).isNotBlank());
    }

    private static void send(String... values) throws Exception {
        TestTopics.send(KafkaIngest.TOPIC, "integration", values);
    }

    /** The dead letters of the given event ids, in the order they were written. */
    private static List<ConsumerRecord<String, String>> deadLetters(List<String> eventIds) {
        return TestTopics.recordsWith(KafkaIngest.DEAD_LETTERS, eventIds);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return TestTopics.header(record, name);
    }
}
