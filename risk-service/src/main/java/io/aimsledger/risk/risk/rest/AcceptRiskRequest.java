package io.aimsledger.risk.risk.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.aimsledger.support.web.FieldLimits;

public record AcceptRiskRequest(@NotBlank @Size(max = FieldLimits.TEXT) String rationale, Instant expiresAt,
                                Instant effectiveAt) {
}
