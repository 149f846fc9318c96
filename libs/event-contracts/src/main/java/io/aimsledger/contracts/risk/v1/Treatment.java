package io.aimsledger.contracts.risk.v1;

import java.time.LocalDate;
import java.util.List;

/** How a risk is to be treated; {@code controlIds} are Annex A ids or custom control ids. */
public record Treatment(TreatmentOption option, String plan, List<String> controlIds, LocalDate dueDate) {
}
