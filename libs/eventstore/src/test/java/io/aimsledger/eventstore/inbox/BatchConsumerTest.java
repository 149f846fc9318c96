package io.aimsledger.eventstore.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.eventstore.support.SampleEvents;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.TestServers;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A service's Kafka consumer on SmallRye Reactive Messaging's connector, with the test app's
 * {@link TestEventsConsumer}: a poll in one transaction; a record that cannot be applied set aside alone
 * on the dead-letter topic with why, counted, and readiness degraded; a failure that may pass retried in order.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "eventstore_http"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class BatchConsumerTest {

    private static final String UNKNOWN_TYPE = "io.aimsledger.unknown.something-happened.v1";

    @Inject
    TestEventsConsumer consumer;

    private final String bootstrap = TestServers.kafka().bootstrapServers();

    @Test
    void aPollIsAppliedInOneTransaction() throws Exception {
        String subject = "batched-" + UUID.randomUUID();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        int batchesBefore = consumer.batches();
        send(event(ids.get(0), SampleEvents.TYPE, subject), event(ids.get(1), SampleEvents.TYPE, subject),
                event(ids.get(2), SampleEvents.TYPE, subject));

        await().atMost(Duration.ofMinutes(1)).until(() -> applied(subject).size() == 3);

        assertThat(applied(subject)).containsExactly(ids.stream().map(UUID::toString).toArray(String[]::new));
        assertThat(consumer.batches()).isGreaterThan(batchesBefore);
        assertThat(ids).allSatisfy(id -> assertThat(consumer.attempts(id.toString())).as("applied one by one").isZero());
    }

    @Test
    void whatCannotBeAppliedIsSetAsideAloneWithWhyAndTheNextRecordIsApplied() throws Exception {
        String subject = "mixed-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String notACloudEvent = "this is not a CloudEvent " + subject;
        send(event(first, SampleEvents.TYPE, subject), notACloudEvent.getBytes(StandardCharsets.UTF_8),
                event(unknown, UNKNOWN_TYPE, subject), event(broken, SampleEvents.TYPE, "broken"),
                event(last, SampleEvents.TYPE, subject));

        await().atMost(Duration.ofMinutes(1)).until(() -> applied(subject).size() == 2);

        assertThat(applied(subject)).containsExactly(first.toString(), last.toString());
        List<ConsumerRecord<String, byte[]>> dead = deadLetters(notACloudEvent, unknown, broken);
        assertThat(dead).extracting(r -> header(r, DeadLetters.CODE))
                .containsExactly(BatchConsumer.NOT_A_CLOUDEVENT, "event.unknown-type", BatchConsumer.FAILED);
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, DeadLetters.REASON)).isNotBlank();
            assertThat(header(r, "dead-letter-topic")).isEqualTo(TestEventsConsumer.TOPIC);
        });
        assertThat(header(dead.get(2), DeadLetters.REASON)).contains("3 attempts").contains("a bug that no retry will fix");
        assertThat(consumer.attempts(broken.toString())).isEqualTo(BatchConsumer.MAX_ATTEMPTS);
        assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo(notACloudEvent);

        given().get("/q/health/ready").then().body("checks.name", hasItem(DeadLetterCheck.NAME))
                .body("checks.find { it.name == '" + DeadLetterCheck.NAME + "' }.data.state", org.hamcrest.Matchers.equalTo("degraded"));
        given().get("/q/metrics").then().body(containsString(
                "aims_consumer_dead_letters_total{code=\"" + BatchConsumer.FAILED + "\",consumer=\"" + TestEventsConsumer.NAME + "\""));
    }

    @Test
    void aFailureThatMayPassIsRetriedUntilItAppliesWithoutSkippingOrReordering() throws Exception {
        String subject = "ordered-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        consumer.failTransiently(3);
        send(event(first, SampleEvents.TYPE, subject), event(second, SampleEvents.TYPE, subject));

        await().atMost(Duration.ofMinutes(1)).until(() -> applied(subject).size() == 2);

        assertThat(applied(subject)).containsExactly(first.toString(), second.toString());
        assertThat(consumer.attempts(first.toString())).as("three failures, then applied").isEqualTo(4);
    }

    private byte[] event(UUID id, String type, String subject) {
        return CloudEventCodec.toJson(new EventEnvelope(id, type, "/aims/inventory", subject, Instant.now(), 1,
                "alice", null, null, SampleEvents.TRACEPARENT, "{\"n\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    private void send(byte[]... values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", (Object) bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(TestEventsConsumer.TOPIC, 0, "key", value)).get();
            }
        }
    }

    private static List<String> applied(String subject) throws Exception {
        List<String> ids = new ArrayList<>();
        try (var connection = TestServers.postgres().connect("eventstore_http");
             var statement = connection.prepareStatement("select event_id from consumed_effect where subject = ? order by seq")) {
            statement.setString(1, subject);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** The dead letters of these records (a raw value, or event ids), in the order they were set aside. */
    private List<ConsumerRecord<String, byte[]>> deadLetters(String rawValue, UUID... eventIds) {
        var properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("group.id", "dlq-reader-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        AtomicInteger expected = new AtomicInteger(1 + eventIds.length);
        try (var reader = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(List.of(TestEventsConsumer.DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(r -> {
                    String value = new String(r.value(), StandardCharsets.UTF_8);
                    boolean ours = value.equals(rawValue)
                            || java.util.Arrays.stream(eventIds).anyMatch(id -> value.contains("\"id\":\"" + id + "\""));
                    if (ours) {
                        found.add(r);
                    }
                });
                return found.size() >= expected.get();
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
