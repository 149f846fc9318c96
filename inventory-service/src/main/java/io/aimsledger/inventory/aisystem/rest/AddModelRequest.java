package io.aimsledger.inventory.aisystem.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.aimsledger.support.web.FieldLimits;

public record AddModelRequest(@NotBlank @Size(max = FieldLimits.NAME) String name,
                              @NotBlank @Size(max = FieldLimits.NAME) String version,
                              @Size(max = FieldLimits.NAME) String provider,
                              @Size(max = FieldLimits.REFERENCE) String registryUri, Instant effectiveAt) {
}
