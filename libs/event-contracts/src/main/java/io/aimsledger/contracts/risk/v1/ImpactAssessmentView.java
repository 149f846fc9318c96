package io.aimsledger.contracts.risk.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An impact assessment as API.md shows it, in the risk service and, as it stood at a time, in the audit. */
public record ImpactAssessmentView(UUID id, UUID aiSystemId, String scope, String assessor, List<Impact> impacts,
                                   ImpactAssessmentStatus status, Decision decision, LocalDate nextReviewDue,
                                   boolean stale, String staleReason, long version, Instant createdAt,
                                   Instant updatedAt) {

    public static ImpactAssessmentView of(ImpactAssessment assessment, long version, Instant createdAt,
                                          Instant updatedAt) {
        return new ImpactAssessmentView(assessment.id(), assessment.aiSystemId(), assessment.scope(),
                assessment.assessor(), List.copyOf(assessment.impacts().values()), assessment.status(),
                assessment.decision(), assessment.nextReviewDue(), assessment.stale(), assessment.staleReason(),
                version, createdAt, updatedAt);
    }
}
