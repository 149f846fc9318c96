package io.aimsledger.audit.trail.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the trail as API.md shows it. {@code leafHash} (its RFC 9162 leaf hash) is null until
 * the verifiable log is built.
 */
public record TrailEntryView(long seq, String eventId, String type, String source, String subject, Instant occurredAt,
                             Instant recordedAt, String actor, String correlationId, JsonNode data, String leafHash) {
}
