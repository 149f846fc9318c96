package io.aimsledger.controls.control.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.support.web.FieldLimits;

/** Included or excluded, with the justification either way (ISO/IEC 42001 6.1.3). */
public record DecideApplicabilityRequest(@NotNull Applicability applicability,
                                         @NotBlank @Size(max = FieldLimits.TEXT) String justification,
                                         Instant effectiveAt) {
}
