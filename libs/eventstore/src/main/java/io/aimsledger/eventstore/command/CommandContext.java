package io.aimsledger.eventstore.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.aimsledger.eventstore.store.EventMetadata;

/**
 * Who issues a command, when, and in which trace and correlation: taken from the request by the
 * adapter (actor from the token, time from the injected clock), never from the request body.
 */
public record CommandContext(String actor, Instant at, String correlationId, String causationId, String traceparent) {

    /** PostgreSQL keeps microseconds: the time a command answers with is the time every store will hold. */
    public CommandContext {
        at = at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    public EventMetadata event() {
        return new EventMetadata(actor, correlationId, causationId, traceparent);
    }

    public Instant occurredAt() {
        return at;
    }
}
