package io.aimsledger.eventstore.relay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.aimsledger.eventstore.store.EventStore;
import io.aimsledger.eventstore.support.SampleEvents;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** The library as a service gets it: Flyway applies the store, the relay starts itself and reports metrics. */
@QuarkusTest
@TestProfile(OutboxInQuarkusTest.RelayOn.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "eventstore_outbox"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class OutboxInQuarkusTest {

    public static class RelayOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aims.outbox.enabled", "true", "aims.outbox.name", "quarkus-test");
        }
    }

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    @Inject
    OutboxRelay relay;

    @Test
    void anEventAppendedInAServiceReachesKafkaAndTheRelayReportsItsMetrics() {
        await().atMost(Duration.ofSeconds(30)).until(relay::isActive);
        String stream = UUID.randomUUID().toString();
        pool.withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, 0, SampleEvents.events(2),
                SampleEvents.metadata())).await().indefinitely();

        List<ConsumerRecord<String, byte[]>> received = read(stream, 2);

        assertThat(received).extracting(ConsumerRecord::key).containsOnly(stream);
        assertThat(new String(received.getFirst().value(), StandardCharsets.UTF_8))
                .contains("\"streamversion\":\"1\"").contains("\"subject\":\"" + stream + "\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.lagEvents() == 0);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("aims_outbox_published_total"))
                .body(containsString("aims_outbox_lag_events"))
                .body(containsString("aims_outbox_lag_seconds"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String stream, int expected) {
        var properties = new Properties();
        properties.put("bootstrap.servers", TestServers.kafka().bootstrapServers());
        properties.put("group.id", "outbox-quarkus-test-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("aims.inventory.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (stream.equals(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= expected;
            });
        }
        return records;
    }
}
