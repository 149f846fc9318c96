package io.aimsledger.risk.impact.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.support.web.FieldLimits;

public record StartImpactAssessmentRequest(@NotNull UUID aiSystemId, @NotBlank @Size(max = FieldLimits.TEXT) String scope,
                                           Instant effectiveAt) {
}
