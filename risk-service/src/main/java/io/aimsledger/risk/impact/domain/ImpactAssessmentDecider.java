package io.aimsledger.risk.impact.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.aimsledger.contracts.risk.v1.Decision;
import io.aimsledger.contracts.risk.v1.ImpactAssessment;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentStatus;
import io.aimsledger.contracts.risk.v1.RiskEvent;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfImpactAssessment;
import io.aimsledger.decider.Decider;
import io.aimsledger.decider.Rejection;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.ApproveImpactAssessment;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.IdentifyImpact;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.MarkImpactAssessmentStale;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.RejectImpactAssessment;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.RemoveImpact;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.StartImpactAssessment;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.SubmitImpactAssessment;
import io.aimsledger.risk.risk.domain.RiskProblems;

/**
 * The rules of AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4): written by an assessor while
 * DRAFT or after a rejection, submitted with at least one impact, decided by another person, and stale
 * once the AI system changes materially after approval.
 */
public final class ImpactAssessmentDecider implements Decider<ImpactAssessmentCommand, ImpactAssessment, OfImpactAssessment> {

    @Override
    public ImpactAssessment initialState() {
        return ImpactAssessment.none();
    }

    @Override
    public List<OfImpactAssessment> decide(ImpactAssessmentCommand command, ImpactAssessment state) {
        return switch (command) {
            case StartImpactAssessment start when state.exists() ->
                    throw Rejection.conflict(ImpactAssessmentProblems.EXISTS, "This impact assessment exists already.");
            case StartImpactAssessment start -> List.of(new RiskEvent.ImpactAssessmentStarted(start.impactAssessmentId(),
                    start.aiSystemId(), start.scope(), start.assessor()));
            case ImpactAssessmentCommand any when !state.exists() ->
                    throw Rejection.notFound(ImpactAssessmentProblems.NOT_FOUND, "No impact assessment has this id.");
            case IdentifyImpact identify -> {
                editable(state);
                if (state.impacts().containsKey(identify.impact().id())) {
                    throw Rejection.conflict(ImpactAssessmentProblems.IMPACT_EXISTS, "An impact with this id is listed.");
                }
                yield List.of(new RiskEvent.ImpactIdentified(state.id(), identify.impact()));
            }
            case RemoveImpact remove -> {
                editable(state);
                if (!state.impacts().containsKey(remove.impactId())) {
                    throw Rejection.notFound(ImpactAssessmentProblems.IMPACT_NOT_FOUND,
                            "This impact assessment lists no such impact.");
                }
                yield List.of(new RiskEvent.ImpactRemoved(state.id(), remove.impactId()));
            }
            case SubmitImpactAssessment submit -> {
                editable(state);
                if (state.impacts().isEmpty()) {
                    throw Rejection.conflict(ImpactAssessmentProblems.EMPTY,
                            "An impact assessment is submitted with at least one impact.");
                }
                yield List.of(new RiskEvent.ImpactAssessmentSubmitted(state.id()));
            }
            case ApproveImpactAssessment approve -> {
                decidable(state, approve.approver());
                LocalDate review = approve.nextReviewDue() != null ? approve.nextReviewDue()
                        : LocalDate.ofInstant(approve.at(), ZoneOffset.UTC).plusYears(1);
                yield List.of(new RiskEvent.ImpactAssessmentApproved(state.id(),
                        new Decision(approve.approver(), approve.comment(), approve.at()), review));
            }
            case RejectImpactAssessment reject -> {
                decidable(state, reject.approver());
                yield List.of(new RiskEvent.ImpactAssessmentRejected(state.id(),
                        new Decision(reject.approver(), reject.comment(), reject.at())));
            }
            case MarkImpactAssessmentStale stale -> state.status() == ImpactAssessmentStatus.APPROVED && !state.stale()
                    ? List.of(new RiskEvent.ImpactAssessmentMarkedStale(state.id(), stale.reason())) : List.of();
        };
    }

    private static void editable(ImpactAssessment state) {
        if (!state.status().editable()) {
            throw Rejection.conflict(ImpactAssessmentProblems.NOT_EDITABLE, "An impact assessment is changed only "
                    + "while DRAFT or REJECTED; this one is " + state.status() + ".");
        }
    }

    private static void decidable(ImpactAssessment state, String approver) {
        if (state.status() != ImpactAssessmentStatus.SUBMITTED) {
            throw Rejection.conflict(ImpactAssessmentProblems.NOT_SUBMITTED, "Only a submitted impact assessment is "
                    + "approved or rejected; this one is " + state.status() + ".");
        }
        if (approver.equals(state.assessor())) {
            throw Rejection.conflict(RiskProblems.SAME_PERSON, "The assessor cannot decide on their own assessment: "
                    + "another approver must.");
        }
    }

    @Override
    public ImpactAssessment evolve(ImpactAssessment state, OfImpactAssessment event) {
        return ImpactAssessment.evolve(state, event);
    }
}
