package io.aimsledger.contracts.evidence.v1;

import java.time.Instant;

/** A reviewer's decision on a piece of evidence; the reviewer is never its collector (four eyes). */
public record Review(String by, ReviewDecision decision, String comment, Instant at) {
}
