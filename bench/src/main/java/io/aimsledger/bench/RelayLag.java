package io.aimsledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
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
 * Stage 3's relay lag: for every inventory event whose time lies in a window, from the moment its row
 * was written ({@code recorded_at}, the database's clock inside the command's transaction, so the
 * request's queueing before it is not counted) to the Kafka record's timestamp (set by the relay's
 * producer when it sent the record). Read afterwards from {@code aims.inventory.v1} and the event store,
 * so measuring adds no load while the stage runs. Both clocks are this machine's.
 */
final class RelayLag {

    private static final String TOPIC = "aims.inventory.v1";

    private RelayLag() {
    }

    static Latencies measure(LaunchedPlatform platform, Instant from, Instant to) throws SQLException {
        Map<String, Instant> recorded = recordedAt(platform, from, to);
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
                    Instant written = recorded.get(CloudEventCodec.fromJson(record.value()).getId());
                    if (written != null) {
                        lags.record(Math.max(0, Duration.between(written, Instant.ofEpochMilli(record.timestamp())).toNanos()));
                    }
                }
            }
        }
        return lags;
    }

    private static Map<String, Instant> recordedAt(LaunchedPlatform platform, Instant from, Instant to)
            throws SQLException {
        Map<String, Instant> recorded = new HashMap<>();
        try (Connection c = platform.connect("inventory"); PreparedStatement query = c.prepareStatement(
                "select event_id::text, recorded_at from event_store where occurred_at between ? and ?")) {
            query.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            query.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    recorded.put(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return recorded;
    }
}
