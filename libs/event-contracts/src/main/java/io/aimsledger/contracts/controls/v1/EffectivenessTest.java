package io.aimsledger.contracts.controls.v1;

import java.time.Instant;
import java.util.UUID;

/** One test of a control's effectiveness: what was found, how, when and by whom. */
public record EffectivenessTest(UUID id, TestResult result, String method, String notes, Instant at, String by) {
}
