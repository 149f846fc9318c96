package io.aimsledger.contracts.risk.v1;

import java.time.Instant;

/** An approver's decision on a submitted impact assessment. */
public record Decision(String by, String comment, Instant at) {
}
