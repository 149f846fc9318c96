package io.aimsledger.contracts.risk.v1;

import java.time.Instant;

/** A monitoring observation that breached its threshold, as an integration reported it. */
public record RiskSignal(String metric, double value, double threshold, Instant observedAt, String source,
                         String detail) {
}
