package io.aimsledger.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A published event as the platform sees it: the CloudEvents attributes and extensions of ARCHITECTURE.md
 * and the JSON payload. {@code subject} is the aggregate id; {@code time} is when the change took effect.
 */
public record EventEnvelope(UUID id, String type, String source, String subject, Instant time,
                            long streamVersion, String actor, String correlationId, String causationId,
                            String traceparent, byte[] data) {
}
