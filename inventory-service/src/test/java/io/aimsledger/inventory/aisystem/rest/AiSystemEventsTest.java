package io.aimsledger.inventory.aisystem.rest;

import static io.aimsledger.inventory.aisystem.rest.InventoryApi.AI_SYSTEMS;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.as;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.classify;
import static io.aimsledger.inventory.aisystem.rest.InventoryApi.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "inventory"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class AiSystemEventsTest {

    @Test
    void theStreamIsServedAsCloudEventsInOrder() {
        String id = registered("Streamed");
        classify(id, "LIMITED_RISK");

        as("carol").get(AI_SYSTEMS + "/{id}/events", id).then().statusCode(200)
                .body("type", contains("io.aimsledger.inventory.ai-system-registered.v1",
                        "io.aimsledger.inventory.ai-system-classified.v1"))
                .body("streamversion", contains("1", "2"))
                .body("subject", contains(id, id))
                .body("source", contains("/aims/inventory", "/aims/inventory"))
                .body("actor", contains("alice", "alice"))
                .body("[1].data.riskClass", equalTo("LIMITED_RISK"));
        as("carol").get(AI_SYSTEMS + "/{id}/events", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void everyAcceptedWriteIsPublishedAsAValidCloudEventOfTheContract() {
        String id = registered("Published");
        classify(id, "MINIMAL_RISK");

        List<EventEnvelope> published = read(id, 2);

        assertThat(published).extracting(EventEnvelope::type).containsExactly(
                "io.aimsledger.inventory.ai-system-registered.v1", "io.aimsledger.inventory.ai-system-classified.v1");
        assertThat(published).extracting(EventEnvelope::streamVersion).containsExactly(1L, 2L);
        assertThat(published).extracting(EventEnvelope::subject).containsOnly(id);
        assertThat(published).extracting(EventEnvelope::actor).containsOnly("alice");
        assertThat(published).extracting(EventEnvelope::correlationId).doesNotContainNull();
        var classified = (InventoryEvent.AiSystemClassified) PayloadCodec.read(published.get(1).type(),
                published.get(1).data());
        assertThat(classified.riskClass()).isEqualTo(EuAiActRiskClass.MINIMAL_RISK);
        assertThat(classified.aiSystemId()).hasToString(id);
    }

    private static List<EventEnvelope> read(String subject, int expected) {
        var properties = new Properties();
        properties.put("bootstrap.servers", TestServers.kafka().bootstrapServers());
        properties.put("group.id", "inventory-test-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        List<EventEnvelope> envelopes = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Contracts.INVENTORY_V1.topic()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (subject.equals(record.key())) {
                        assertThat(new String(record.headers().lastHeader("content-type").value(),
                                StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json");
                        envelopes.add(CloudEventCodec.toEnvelope(CloudEventCodec.fromJson(record.value())));
                    }
                }
                return envelopes.size() >= expected;
            });
        }
        return envelopes;
    }
}
