package io.aimsledger.audit.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the trail as API.md shows it; {@code leafHash} is the RFC 9162 leaf hash of the RFC 8785
 * canonical form of the CloudEvent as received.
 */
public record TrailEntryView(long seq, String eventId, String type, String source, String subject, Instant occurredAt,
                             Instant recordedAt, String actor, String correlationId, JsonNode data, String leafHash) {
}
