package io.aimsledger.inventory.aisystem.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.support.web.FieldLimits;

public record ClassifyAiSystemRequest(@NotNull EuAiActRiskClass euAiActRiskClass,
                                      @NotBlank @Size(max = FieldLimits.TEXT) String rationale, Instant effectiveAt) {
}
