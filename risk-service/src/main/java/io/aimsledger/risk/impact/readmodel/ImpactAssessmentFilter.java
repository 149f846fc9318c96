package io.aimsledger.risk.impact.readmodel;

import java.util.UUID;

import io.aimsledger.contracts.risk.v1.ImpactAssessmentStatus;
import io.aimsledger.support.web.PageCursor;

/** What a list of impact assessments asks for; null fields do not filter. */
public record ImpactAssessmentFilter(UUID aiSystemId, ImpactAssessmentStatus status, Boolean stale, PageCursor after,
                                     int limit) {
}
