package io.aimsledger.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The topic stage 4 pre-loads, named outside the platform's {@code aims.*} pattern so that only the
 * harness's own audit projection reads it; and the raw consumer that is its ceiling.
 */
final class IngestTopic {

    static final String TOPIC = "bench.audit-ingest.v1";
    static final int PARTITIONS = 3;

    private IngestTopic() {
    }

    /** Writes every event, entity by entity within each step, keyed by AI system; returns the count. */
    static long preload(String bootstrap, Events events, int entities, int steps) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        }
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        long sent = 0;
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            for (int step = 0; step < steps; step++) {
                for (int entity = 0; entity < entities; entity++) {
                    producer.send(new ProducerRecord<>(TOPIC, Events.aiSystem(entity).toString(),
                            events.cloudEvent(entity, step)));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** Reads all {@code count} records from the beginning, as records per second from the first to the last. */
    static double rawConsumerRate(String bootstrap, long count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long read = 0;
            long first = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (read < count && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (first == 0 && !records.isEmpty()) {
                    first = System.nanoTime();
                }
                read += records.count();
            }
            if (read < count) {
                throw new IllegalStateException("the raw consumer read " + read + " of " + count + " records");
            }
            return (read - 1) / ((System.nanoTime() - first) / 1e9);
        }
    }
}
