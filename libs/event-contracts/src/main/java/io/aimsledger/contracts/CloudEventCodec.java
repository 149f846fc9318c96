package io.aimsledger.contracts;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;

/**
 * Envelope <-> CloudEvents 1.0 in structured JSON mode ({@code application/cloudevents+json}), the
 * form in which events travel on Kafka and arrive in the audit trail.
 */
public final class CloudEventCodec {

    public static final String STRUCTURED_JSON = JsonFormat.CONTENT_TYPE;
    public static final String STREAM_VERSION = "streamversion";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    public static final String TRACEPARENT = "traceparent";

    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEventCodec() {
    }

    public static CloudEvent toCloudEvent(EventEnvelope e) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(e.id().toString())
                .withType(e.type())
                .withSource(URI.create(e.source()))
                .withSubject(e.subject())
                .withTime(OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(e.data())
                .withExtension(STREAM_VERSION, e.streamVersion())
                .withExtension(ACTOR, e.actor());
        if (e.correlationId() != null) {
            builder.withExtension(CORRELATION_ID, e.correlationId());
        }
        if (e.causationId() != null) {
            builder.withExtension(CAUSATION_ID, e.causationId());
        }
        if (e.traceparent() != null) {
            builder.withExtension(TRACEPARENT, e.traceparent());
        }
        return builder.build();
    }

    public static byte[] toJson(EventEnvelope envelope) {
        return FORMAT.serialize(toCloudEvent(envelope));
    }

    /**
     * Reads a structured-mode CloudEvent; throws {@link NotACloudEvent} if it is not one, including when
     * {@code id} or {@code source} is empty (the specification requires both non-empty) or {@code time}
     * lies outside the years 0001 to 9999.
     */
    public static CloudEvent fromJson(byte[] json) {
        CloudEvent event;
        try {
            event = FORMAT.deserialize(json);
        } catch (RuntimeException e) {
            throw CloudEventShape.diagnose(json);
        }
        CloudEventShape.requireNonEmpty("id", event.getId());
        CloudEventShape.requireNonEmpty("source", event.getSource() == null ? null : event.getSource().toString());
        CloudEventShape.requireNonEmpty("type", event.getType());
        if (event.getTime() != null && (event.getTime().getYear() < 1 || event.getTime().getYear() > 9999)) {
            throw new NotACloudEvent("time", "must be an RFC 3339 timestamp in the years 0001 to 9999");
        }
        return event;
    }

    public static EventEnvelope toEnvelope(CloudEvent event) {
        Object version = event.getExtension(STREAM_VERSION);
        return new EventEnvelope(UUID.fromString(event.getId()), event.getType(), event.getSource().toString(),
                event.getSubject(), event.getTime() == null ? null : event.getTime().toInstant(),
                version == null ? 0 : Long.parseLong(version.toString()),
                string(event, ACTOR), string(event, CORRELATION_ID), string(event, CAUSATION_ID),
                string(event, TRACEPARENT), event.getData() == null ? null : event.getData().toBytes());
    }

    private static String string(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null ? null : value.toString();
    }
}
