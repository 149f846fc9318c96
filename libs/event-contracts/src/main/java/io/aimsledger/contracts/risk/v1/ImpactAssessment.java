package io.aimsledger.contracts.risk.v1;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.aimsledger.contracts.risk.v1.RiskEvent.OfImpactAssessment;

/** An AI system impact assessment (ISO/IEC 42001 6.1.4) as its events made it: the one fold for decider and audit. */
public record ImpactAssessment(UUID id, UUID aiSystemId, String scope, String assessor, Map<UUID, Impact> impacts,
                               ImpactAssessmentStatus status, Decision decision, LocalDate nextReviewDue,
                               boolean stale, String staleReason) {

    public static ImpactAssessment none() {
        return new ImpactAssessment(null, null, null, null, Map.of(), null, null, null, false, null);
    }

    public boolean exists() {
        return status != null;
    }

    public static ImpactAssessment evolve(ImpactAssessment state, OfImpactAssessment event) {
        return switch (event) {
            case RiskEvent.ImpactAssessmentStarted started -> new ImpactAssessment(started.impactAssessmentId(),
                    started.aiSystemId(), started.scope(), started.assessor(), Map.of(), ImpactAssessmentStatus.DRAFT,
                    null, null, false, null);
            case RiskEvent.ImpactIdentified identified -> state.withImpacts(with(state.impacts, identified.impact()));
            case RiskEvent.ImpactRemoved removed -> state.withImpacts(without(state.impacts, removed.impactId()));
            case RiskEvent.ImpactAssessmentSubmitted submitted ->
                    state.decided(ImpactAssessmentStatus.SUBMITTED, state.decision, state.nextReviewDue);
            case RiskEvent.ImpactAssessmentApproved approved ->
                    state.decided(ImpactAssessmentStatus.APPROVED, approved.decision(), approved.nextReviewDue());
            case RiskEvent.ImpactAssessmentRejected rejected ->
                    state.decided(ImpactAssessmentStatus.REJECTED, rejected.decision(), state.nextReviewDue);
            case RiskEvent.ImpactAssessmentMarkedStale markedStale -> new ImpactAssessment(state.id, state.aiSystemId,
                    state.scope, state.assessor, state.impacts, state.status, state.decision, state.nextReviewDue, true,
                    markedStale.reason());
        };
    }

    private ImpactAssessment withImpacts(Map<UUID, Impact> next) {
        return new ImpactAssessment(id, aiSystemId, scope, assessor, next, status, decision, nextReviewDue, stale,
                staleReason);
    }

    private ImpactAssessment decided(ImpactAssessmentStatus next, Decision nextDecision, LocalDate review) {
        return new ImpactAssessment(id, aiSystemId, scope, assessor, impacts, next, nextDecision, review, stale,
                staleReason);
    }

    private static Map<UUID, Impact> with(Map<UUID, Impact> impacts, Impact impact) {
        var copy = new LinkedHashMap<>(impacts);
        copy.put(impact.id(), impact);
        return copy;
    }

    private static Map<UUID, Impact> without(Map<UUID, Impact> impacts, UUID id) {
        var copy = new LinkedHashMap<>(impacts);
        copy.remove(id);
        return copy;
    }
}
