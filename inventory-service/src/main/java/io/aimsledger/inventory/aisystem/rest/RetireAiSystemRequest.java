package io.aimsledger.inventory.aisystem.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.aimsledger.support.web.FieldLimits;

public record RetireAiSystemRequest(@NotBlank @Size(max = FieldLimits.TEXT) String reason, Instant effectiveAt) {
}
