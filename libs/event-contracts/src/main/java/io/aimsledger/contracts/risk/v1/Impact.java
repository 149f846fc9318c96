package io.aimsledger.contracts.risk.v1;

import java.util.UUID;

/** One impact on a stakeholder group an impact assessment identified; severity and likelihood 1 to 5. */
public record Impact(UUID id, String stakeholderGroup, ImpactDimension dimension, String description, int severity,
                     int likelihood, String mitigation) {
}
