package io.aimsledger.eventstore.command;

import java.time.Instant;

import io.aimsledger.eventstore.store.EventMetadata;

/**
 * Who issues a command, when, and in which trace and correlation: taken from the request by the
 * adapter (actor from the token, time from the injected clock), never from the request body.
 */
public record CommandContext(String actor, Instant at, String correlationId, String causationId, String traceparent) {

    public EventMetadata event() {
        return new EventMetadata(actor, correlationId, causationId, traceparent);
    }

    public Instant occurredAt() {
        return at;
    }
}
