package io.aimsledger.eventstore.store;

import java.time.Instant;
import java.util.UUID;

/** One event a command decided, ready to be stored: its id, contract type, when it took effect, JSON payload. */
public record EventToAppend(UUID eventId, String type, int schemaVersion, Instant occurredAt, String payload) {
}
