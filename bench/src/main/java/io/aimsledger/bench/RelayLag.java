package io.aimsledger.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.aimsledger.contracts.CloudEventCodec;

/**
 * Stage 3's relay lag: for every inventory event whose time lies in a window, from that time (the
 * command's, taken just before its transaction) to the Kafka record's timestamp (set by the relay's
 * producer when it sent the record). Read afterwards from {@code aims.inventory.v1}, so measuring adds
 * no load while the stage runs.
 */
final class RelayLag {

    private static final String TOPIC = "aims.inventory.v1";

    private RelayLag() {
    }

    static Latencies measure(LaunchedPlatform platform, Instant from, Instant to) {
        Latencies lags = new Latencies();
        try (var consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) platform.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-relay-lag-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            int emptyPolls = 0;
            while (emptyPolls < 5) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    Instant time = CloudEventCodec.fromJson(record.value()).getTime().toInstant();
                    if (!time.isBefore(from) && !time.isAfter(to)) {
                        lags.record(Math.max(0, Duration.between(time, Instant.ofEpochMilli(record.timestamp())).toNanos()));
                    }
                }
            }
        }
        return lags;
    }
}
