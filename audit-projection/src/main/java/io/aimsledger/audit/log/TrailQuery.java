package io.aimsledger.audit.log;

import java.time.Instant;

/** Which part of the trail to read: null fields do not filter; {@code from} inclusive, {@code to} exclusive. */
public record TrailQuery(String subject, String type, String actor, Instant from, Instant to, Long afterSeq,
                         int limit) {
}
