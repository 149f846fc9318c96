package io.aimsledger.testkit;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records on the test JVM's Kafka broker: sent as an integration or a relay would, and read back from a topic. */
public final class TestTopics {

    private TestTopics() {
    }

    /** Sends each value, in order, to partition 0 of {@code topic} with {@code key}. */
    public static void send(String topic, String key, String... values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", (Object) TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, 0, key, value)).get();
            }
        }
    }

    /** The records of {@code topic} whose value holds one of {@code markers}, once there is one for each, in order. */
    public static List<ConsumerRecord<String, String>> recordsWith(String topic, List<String> markers) {
        var properties = new Properties();
        properties.put("bootstrap.servers", TestServers.kafka().bootstrapServers());
        properties.put("group.id", "reader-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var reader = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (markers.stream().anyMatch(marker -> r.value().contains(marker))) {
                        records.add(r);
                    }
                });
                return records.size() >= markers.size();
            });
        }
        return records;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
