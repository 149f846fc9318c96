package io.aimsledger.evidence.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.evidence.v1.ReviewDecision;
import io.aimsledger.support.web.FieldLimits;

public record ReviewRequest(@NotNull ReviewDecision decision, @Size(max = FieldLimits.TEXT) String comment,
                            Instant effectiveAt) {
}
