package io.aimsledger.controls.control.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.aimsledger.support.web.FieldLimits;

/** A custom control: its id (letters, digits, {@code . _ -}), title and description. */
public record CatalogueControlRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be letters, digits, '.', '_' or '-'")
        String id,
        @NotBlank @Size(max = FieldLimits.NAME) String title,
        @Size(max = FieldLimits.TEXT) String description,
        Instant effectiveAt) {
}
