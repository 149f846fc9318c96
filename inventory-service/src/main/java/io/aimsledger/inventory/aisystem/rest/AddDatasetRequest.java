package io.aimsledger.inventory.aisystem.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.aimsledger.support.web.FieldLimits;

public record AddDatasetRequest(@NotBlank @Size(max = FieldLimits.NAME) String name,
                                @NotBlank @Size(max = FieldLimits.REFERENCE) String source,
                                Boolean containsPersonalData,
                                @Size(max = FieldLimits.TEXT) String provenance, Instant effectiveAt) {
}
