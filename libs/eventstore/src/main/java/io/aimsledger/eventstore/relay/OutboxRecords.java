package io.aimsledger.eventstore.relay;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.DomainContract;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.eventstore.trace.TraceContexts;

/** A stored event row -> the Kafka record that publishes it: a structured CloudEvent keyed by stream. */
final class OutboxRecords {

    static final String CONTENT_TYPE_HEADER = "content-type";

    private OutboxRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        String type = row.getString("event_type");
        DomainContract contract = Contracts.REGISTRY.contractOfType(type)
                .orElseThrow(() -> new IllegalStateException("no published contract has type " + type));
        String streamId = row.getString("stream_id");
        String traceparent = row.getString("traceparent");
        var envelope = new EventEnvelope(UUID.fromString(row.getString("event_id")), type, contract.source(), streamId,
                row.getTimestamp("occurred_at").toInstant(), row.getLong("stream_version"), row.getString("actor"),
                row.getString("correlation_id"), row.getString("causation_id"), traceparent,
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<>(contract.topic(), streamId, CloudEventCodec.toJson(envelope));
        record.headers().add(CONTENT_TYPE_HEADER, CloudEventCodec.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            record.headers().add(TraceContexts.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
