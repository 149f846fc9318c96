package io.aimsledger.risk.risk.domain;

import java.util.List;

import io.aimsledger.contracts.risk.v1.Risk;
import io.aimsledger.contracts.risk.v1.RiskEvent;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfRisk;
import io.aimsledger.decider.Decider;
import io.aimsledger.decider.Rejection;
import io.aimsledger.risk.risk.domain.RiskCommand.AcceptRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.AssessResidualRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.AssessRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.ChangeRiskDetails;
import io.aimsledger.risk.risk.domain.RiskCommand.CloseRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.IdentifyRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.PlanTreatment;
import io.aimsledger.risk.risk.domain.RiskCommand.RecordSignal;
import io.aimsledger.risk.risk.domain.RiskCommand.ReopenRisk;

/**
 * The rules of the AI risk register (ISO/IEC 42001 6.1.2-6.1.3, 8.2-8.3; API.md): identify, assess,
 * plan the treatment, assess what remains, and accept it by someone who neither owns the risk nor
 * assessed it last. What each event does to the status is the published fold, {@link Risk#evolve}.
 */
public final class RiskDecider implements Decider<RiskCommand, Risk, OfRisk> {

    @Override
    public Risk initialState() {
        return Risk.none();
    }

    @Override
    public List<OfRisk> decide(RiskCommand command, Risk state) {
        return switch (command) {
            case IdentifyRisk identify when state.exists() ->
                    throw Rejection.conflict(RiskProblems.EXISTS, "This risk is already identified.");
            case IdentifyRisk identify -> List.of(new RiskEvent.RiskIdentified(identify.riskId(),
                    List.copyOf(identify.aiSystemIds()), identify.details(), identify.appetite()));
            case RiskCommand any when !state.exists() ->
                    throw Rejection.notFound(RiskProblems.NOT_FOUND, "No risk has this id.");
            case ReopenRisk reopen when !state.closed() ->
                    throw Rejection.conflict(RiskProblems.NOT_CLOSED, "Only a closed risk can be reopened.");
            case ReopenRisk reopen -> List.of(new RiskEvent.RiskReopened(state.id(), reopen.reason()));
            case RiskCommand any when state.closed() ->
                    throw Rejection.conflict(RiskProblems.CLOSED, "A closed risk accepts no change; reopen it first.");
            case ChangeRiskDetails change -> {
                RiskDetailsPatch.Result patched = change.patch().applyTo(state.details());
                yield patched.changedFields().isEmpty() ? List.of()
                        : List.of(new RiskEvent.RiskDetailsChanged(state.id(), patched.details(),
                                patched.changedFields()));
            }
            case AssessRisk assess -> List.of(new RiskEvent.RiskAssessed(state.id(), assess.rating(),
                    assess.rationale(), assess.assessor(), assess.appetite()));
            case PlanTreatment plan when state.inherent() == null -> throw Rejection.conflict(RiskProblems.NOT_ASSESSED,
                    "Assess the risk before planning its treatment.");
            case PlanTreatment plan -> List.of(new RiskEvent.TreatmentPlanned(state.id(), plan.treatment()));
            case AssessResidualRisk assess when state.treatment() == null -> throw Rejection.conflict(
                    RiskProblems.NO_TREATMENT, "Plan a treatment before assessing the residual risk.");
            case AssessResidualRisk assess -> List.of(new RiskEvent.ResidualRiskAssessed(state.id(), assess.rating(),
                    assess.rationale(), assess.assessor(), assess.appetite()));
            case AcceptRisk accept -> accept(state, accept);
            case RecordSignal record -> List.of(new RiskEvent.RiskSignalRecorded(state.id(), record.signal(),
                    record.ingestId()));
            case CloseRisk close -> List.of(new RiskEvent.RiskClosed(state.id(), close.reason()));
        };
    }

    private static List<OfRisk> accept(Risk state, AcceptRisk accept) {
        if (state.inherent() == null) {
            throw Rejection.conflict(RiskProblems.NOT_ASSESSED, "A risk is accepted once it has been assessed.");
        }
        if (accept.approver().equals(state.details().owner())) {
            throw Rejection.conflict(RiskProblems.SAME_PERSON, "The owner of a risk cannot accept it: another "
                    + "approver must.");
        }
        if (accept.approver().equals(state.lastAssessor())) {
            throw Rejection.conflict(RiskProblems.SAME_PERSON, "The last assessor of a risk cannot accept it: another "
                    + "approver must.");
        }
        if (accept.expiresAt() != null && !accept.expiresAt().isAfter(accept.at())) {
            throw Rejection.unprocessable(RiskProblems.EXPIRY_NOT_AFTER_ACCEPTANCE, "An acceptance must expire after "
                    + "it is given (" + accept.at() + "), not at " + accept.expiresAt() + ".");
        }
        return List.of(new RiskEvent.RiskAccepted(state.id(), accept.approver(), accept.rationale(), accept.at(),
                state.version(), accept.expiresAt()));
    }

    @Override
    public Risk evolve(Risk state, OfRisk event) {
        return Risk.evolve(state, event);
    }
}
