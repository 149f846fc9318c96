package io.aimsledger.controls.control.rest;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.controls.v1.ImplementationStatus;
import io.aimsledger.support.web.FieldLimits;

public record UpdateImplementationRequest(@NotNull ImplementationStatus status,
                                          @Size(max = FieldLimits.TEXT) String description, LocalDate targetDate,
                                          Instant effectiveAt) {
}
