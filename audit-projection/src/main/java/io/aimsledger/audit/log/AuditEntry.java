package io.aimsledger.audit.log;

import java.time.Instant;

/** One row of the audit log; {@code cloudEvent} is the event exactly as received. */
public record AuditEntry(long seq, String eventId, String source, String type, String subject, Instant occurredAt,
                         Instant recordedAt, String actor, String correlationId, String cloudEvent) {
}
