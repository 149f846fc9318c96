package io.aimsledger.inventory.aisystem.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.support.web.FieldLimits;

public record ChangeLifecycleStageRequest(@NotNull LifecycleStage stage, @Size(max = FieldLimits.TEXT) String reason, Instant effectiveAt) {
}
