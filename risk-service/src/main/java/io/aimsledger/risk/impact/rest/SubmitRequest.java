package io.aimsledger.risk.impact.rest;

import java.time.Instant;

/** Submitting takes no fields but when it took effect; the body may be left out. */
public record SubmitRequest(Instant effectiveAt) {
}
