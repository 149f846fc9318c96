package io.aimsledger.contracts.risk.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Risk events, version 1, published on {@code aims.risk.v1}: about risks ({@link OfRisk}, subject the
 * risk's id) and about AI system impact assessments ({@link OfImpactAssessment}, subject the
 * assessment's id). Time and actor travel in the envelope; a decision's maker and time are part of the
 * decision, so they are here too.
 */
public sealed interface RiskEvent {

    /** The events about one risk. */
    sealed interface OfRisk permits RiskIdentified, RiskDetailsChanged, RiskAssessed, TreatmentPlanned,
            ResidualRiskAssessed, RiskAccepted, RiskSignalRecorded, RiskClosed, RiskReopened {
        UUID riskId();
    }

    /** The events about one impact assessment. */
    sealed interface OfImpactAssessment permits ImpactAssessmentStarted, ImpactIdentified, ImpactRemoved,
            ImpactAssessmentSubmitted, ImpactAssessmentApproved, ImpactAssessmentRejected,
            ImpactAssessmentMarkedStale {
        UUID impactAssessmentId();
    }

    /** A new risk, {@code IDENTIFIED}; {@code appetite} is the risk appetite (a score) in force. */
    record RiskIdentified(UUID riskId, List<UUID> aiSystemIds, RiskDetails details, int appetite)
            implements RiskEvent, OfRisk {
        public RiskIdentified {
            required(riskId, "riskId");
            required(aiSystemIds, "aiSystemIds");
            required(details, "details");
        }
    }

    /** The details after a change; {@code changedFields} names those that changed. */
    record RiskDetailsChanged(UUID riskId, RiskDetails details, List<String> changedFields)
            implements RiskEvent, OfRisk {
        public RiskDetailsChanged {
            required(riskId, "riskId");
        }
    }

    /** The inherent risk assessed by {@code assessor}. */
    record RiskAssessed(UUID riskId, Rating rating, String rationale, String assessor, int appetite)
            implements RiskEvent, OfRisk {
        public RiskAssessed {
            required(riskId, "riskId");
            required(rating, "rating");
        }
    }

    record TreatmentPlanned(UUID riskId, Treatment treatment) implements RiskEvent, OfRisk {
        public TreatmentPlanned {
            required(riskId, "riskId");
            required(treatment, "treatment");
        }
    }

    /** The residual risk after treatment, assessed by {@code assessor}. */
    record ResidualRiskAssessed(UUID riskId, Rating rating, String rationale, String assessor, int appetite)
            implements RiskEvent, OfRisk {
        public ResidualRiskAssessed {
            required(riskId, "riskId");
            required(rating, "rating");
        }
    }

    /** What remains accepted by an approver, bound to {@code riskVersion}, the version it was decided on. */
    record RiskAccepted(UUID riskId, String acceptedBy, String rationale, Instant acceptedAt, long riskVersion,
                        Instant expiresAt) implements RiskEvent, OfRisk {
        public RiskAccepted {
            required(riskId, "riskId");
        }
    }

    /** A breaching monitoring signal on this risk ({@code ingestId}: the CloudEvent it came in, source#id). */
    record RiskSignalRecorded(UUID riskId, RiskSignal signal, String ingestId) implements RiskEvent, OfRisk {
        public RiskSignalRecorded {
            required(riskId, "riskId");
            required(signal, "signal");
        }
    }

    record RiskClosed(UUID riskId, String reason) implements RiskEvent, OfRisk {
        public RiskClosed {
            required(riskId, "riskId");
        }
    }

    record RiskReopened(UUID riskId, String reason) implements RiskEvent, OfRisk {
        public RiskReopened {
            required(riskId, "riskId");
        }
    }

    /** A new impact assessment of one AI system, {@code DRAFT}, by {@code assessor}. */
    record ImpactAssessmentStarted(UUID impactAssessmentId, UUID aiSystemId, String scope, String assessor)
            implements RiskEvent, OfImpactAssessment {
        public ImpactAssessmentStarted {
            required(impactAssessmentId, "impactAssessmentId");
            required(aiSystemId, "aiSystemId");
        }
    }

    record ImpactIdentified(UUID impactAssessmentId, Impact impact) implements RiskEvent, OfImpactAssessment {
        public ImpactIdentified {
            required(impactAssessmentId, "impactAssessmentId");
            required(impact, "impact");
        }
    }

    record ImpactRemoved(UUID impactAssessmentId, UUID impactId) implements RiskEvent, OfImpactAssessment {
        public ImpactRemoved {
            required(impactAssessmentId, "impactAssessmentId");
        }
    }

    record ImpactAssessmentSubmitted(UUID impactAssessmentId) implements RiskEvent, OfImpactAssessment {
        public ImpactAssessmentSubmitted {
            required(impactAssessmentId, "impactAssessmentId");
        }
    }

    record ImpactAssessmentApproved(UUID impactAssessmentId, Decision decision, LocalDate nextReviewDue)
            implements RiskEvent, OfImpactAssessment {
        public ImpactAssessmentApproved {
            required(impactAssessmentId, "impactAssessmentId");
            required(decision, "decision");
        }
    }

    record ImpactAssessmentRejected(UUID impactAssessmentId, Decision decision)
            implements RiskEvent, OfImpactAssessment {
        public ImpactAssessmentRejected {
            required(impactAssessmentId, "impactAssessmentId");
            required(decision, "decision");
        }
    }

    /** Its AI system changed materially after approval: the assessment must be made again. */
    record ImpactAssessmentMarkedStale(UUID impactAssessmentId, String reason)
            implements RiskEvent, OfImpactAssessment {
        public ImpactAssessmentMarkedStale {
            required(impactAssessmentId, "impactAssessmentId");
        }
    }

    /**
     * A published event carries what its entity needs: one without it is not this contract's data (the
     * audit logs it but derives nothing from it, and no fold meets a hole).
     */
    static void required(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
