package io.aimsledger.controls.control.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.controls.v1.TestResult;
import io.aimsledger.support.web.FieldLimits;

/** An effectiveness test; {@code testedAt} is when it was done (default: now), and when it took effect. */
public record RecordTestRequest(@NotNull TestResult result, @NotBlank @Size(max = FieldLimits.NAME) String method,
                                @Size(max = FieldLimits.TEXT) String notes, Instant testedAt) {
}
