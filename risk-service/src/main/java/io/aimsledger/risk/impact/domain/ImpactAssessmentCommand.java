package io.aimsledger.risk.impact.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.aimsledger.contracts.risk.v1.Impact;

/** What may be asked of an impact assessment; the assessor and approver travel in the commands they decide. */
public sealed interface ImpactAssessmentCommand {

    record StartImpactAssessment(UUID impactAssessmentId, UUID aiSystemId, String scope, String assessor)
            implements ImpactAssessmentCommand {
    }

    record IdentifyImpact(Impact impact) implements ImpactAssessmentCommand {
    }

    record RemoveImpact(UUID impactId) implements ImpactAssessmentCommand {
    }

    record SubmitImpactAssessment() implements ImpactAssessmentCommand {
    }

    /** {@code nextReviewDue} null: a year after the approval. */
    record ApproveImpactAssessment(String approver, String comment, Instant at, LocalDate nextReviewDue)
            implements ImpactAssessmentCommand {
    }

    record RejectImpactAssessment(String approver, String comment, Instant at) implements ImpactAssessmentCommand {
    }

    /** Its AI system changed materially ({@code reason} says how). */
    record MarkImpactAssessmentStale(String reason) implements ImpactAssessmentCommand {
    }
}
