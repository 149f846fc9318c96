package io.aimsledger.controls.control.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.aimsledger.support.web.FieldLimits;

public record AssignOwnerRequest(@NotBlank @Size(max = FieldLimits.NAME) String owner, Instant effectiveAt) {
}
