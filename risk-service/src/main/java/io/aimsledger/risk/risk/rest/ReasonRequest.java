package io.aimsledger.risk.risk.rest;

import java.time.Instant;

import jakarta.validation.constraints.Size;

import io.aimsledger.support.web.FieldLimits;

/** Closing or reopening a risk. */
public record ReasonRequest(@Size(max = FieldLimits.TEXT) String reason, Instant effectiveAt) {
}
