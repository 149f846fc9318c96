package io.aimsledger.evidence.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record SupersedeRequest(@NotNull UUID byEvidenceId, Instant effectiveAt) {
}
