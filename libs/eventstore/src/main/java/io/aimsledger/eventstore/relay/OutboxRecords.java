package io.aimsledger.eventstore.relay;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.eventstore.store.PublishedEvents;
import io.aimsledger.eventstore.store.StoredEvent;
import io.aimsledger.eventstore.trace.TraceContexts;

/** A stored event row -> the Kafka record that publishes it: a structured CloudEvent keyed by stream. */
final class OutboxRecords {

    static final String CONTENT_TYPE_HEADER = "content-type";

    private OutboxRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        var event = new StoredEvent(row.getLong("global_position"), row.getString("stream_id"), null,
                row.getLong("stream_version"), UUID.fromString(row.getString("event_id")), row.getString("event_type"),
                1, row.getTimestamp("occurred_at").toInstant(), null, row.getString("actor"),
                row.getString("correlation_id"), row.getString("causation_id"), row.getString("traceparent"),
                row.getString("payload"));
        var record = new ProducerRecord<>(PublishedEvents.contractOf(event).topic(), event.streamId(),
                CloudEventCodec.toJson(PublishedEvents.envelope(event)));
        record.headers().add(CONTENT_TYPE_HEADER, CloudEventCodec.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
        if (event.traceparent() != null) {
            record.headers().add(TraceContexts.HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
