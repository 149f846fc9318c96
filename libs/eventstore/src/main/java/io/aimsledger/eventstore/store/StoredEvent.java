package io.aimsledger.eventstore.store;

import java.time.Instant;
import java.util.UUID;

/** An event as the store keeps it. */
public record StoredEvent(long globalPosition, String streamId, String streamType, long streamVersion, UUID eventId,
                          String type, int schemaVersion, Instant occurredAt, Instant recordedAt, String actor,
                          String correlationId, String causationId, String traceparent, String payload) {
}
