package io.aimsledger.eventstore.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.aimsledger.eventstore.store.EventMetadata;

/**
 * Who issues a command, when, and in which trace and correlation: taken from the request by the
 * adapter (actor from the token, time from the injected clock), never from the request body. The
 * command takes effect at {@code effectiveAt} when the caller said when (valid time: a write's
 * {@code effectiveAt}, an ingested CloudEvent's {@code time}), otherwise at {@code at}.
 */
public record CommandContext(String actor, Instant at, Instant effectiveAt, String correlationId, String causationId,
                             String traceparent) {

    /** PostgreSQL keeps microseconds: the time a command answers with is the time every store will hold. */
    public CommandContext {
        at = at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
        effectiveAt = effectiveAt == null ? null : effectiveAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A command that takes effect when it is made. */
    public CommandContext(String actor, Instant at, String correlationId, String causationId, String traceparent) {
        this(actor, at, null, correlationId, causationId, traceparent);
    }

    public EventMetadata event() {
        return new EventMetadata(actor, correlationId, causationId, traceparent);
    }

    /** The valid time of the command's events. */
    public Instant occurredAt() {
        return effectiveAt == null ? at : effectiveAt;
    }
}
