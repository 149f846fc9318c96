package io.aimsledger.contracts.risk.v1;

import java.time.LocalDate;

/** What describes a risk, as a whole, so that a change carries the details after it. */
public record RiskDetails(String title, String description, RiskCategory category, String source, String owner,
                          LocalDate reviewDue) {
}
