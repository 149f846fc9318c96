package io.aimsledger.eventstore.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.cloudevents.CloudEvent;

/**
 * The parts of an inbound CloudEvent that ingest uses; {@code key} is its identity, (source, id);
 * {@code time} is when it happened (null when the event does not say).
 */
public record InboundEvent(String id, String source, String type, String data, Instant time) {

    public static InboundEvent of(CloudEvent event) {
        return new InboundEvent(event.getId(), event.getSource().toString(), event.getType(),
                event.getData() == null ? null : new String(event.getData().toBytes(), StandardCharsets.UTF_8),
                event.getTime() == null ? null : event.getTime().toInstant());
    }

    public String key() {
        return source + "#" + id;
    }

    /** An id derived from the event, so that applying it twice names the same new thing. */
    public UUID derivedId() {
        return UUID.nameUUIDFromBytes(("ingest:" + key()).getBytes(StandardCharsets.UTF_8));
    }
}
