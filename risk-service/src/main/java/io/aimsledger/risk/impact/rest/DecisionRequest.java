package io.aimsledger.risk.impact.rest;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import io.aimsledger.support.web.FieldLimits;

/** An approver's decision; {@code nextReviewDue} (approvals only) defaults to a year after it. */
public record DecisionRequest(@Size(max = FieldLimits.TEXT) String comment, LocalDate nextReviewDue,
                              Instant effectiveAt) {
}
