package io.aimsledger.controls.control.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.Control;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.decider.Decider;
import io.aimsledger.decider.Rejection;
import io.aimsledger.controls.control.domain.ControlCommand.AssignOwner;
import io.aimsledger.controls.control.domain.ControlCommand.CatalogueControl;
import io.aimsledger.controls.control.domain.ControlCommand.DecideApplicability;
import io.aimsledger.controls.control.domain.ControlCommand.RecordTest;
import io.aimsledger.controls.control.domain.ControlCommand.ReleaseFromRisk;
import io.aimsledger.controls.control.domain.ControlCommand.RelyForRisk;
import io.aimsledger.controls.control.domain.ControlCommand.UpdateImplementation;

/**
 * The rules of the Statement of Applicability (ISO/IEC 42001 6.1.3, Annex A): applicability decided with a
 * justification either way, never excluding a control an open risk's treatment relies on; implementation
 * only of an applicable control; a control a treatment names while undecided becomes applicable.
 */
public final class ControlDecider implements Decider<ControlCommand, Control, ControlEvent> {

    /** The justification of a control made applicable by a risk's treatment (API.md). */
    public static String selectedToTreat(Object riskId) {
        return "selected to treat risk " + riskId;
    }

    @Override
    public Control initialState() {
        return Control.none();
    }

    @Override
    public List<ControlEvent> decide(ControlCommand command, Control state) {
        return switch (command) {
            case CatalogueControl catalogue when state.exists() ->
                    throw Rejection.conflict(ControlProblems.EXISTS, "A control with this id is in the catalogue.");
            case CatalogueControl catalogue -> List.of(new ControlEvent.ControlCatalogued(catalogue.controlId(),
                    catalogue.source(), catalogue.objectiveId(), catalogue.objectiveTitle(), catalogue.title(),
                    catalogue.description(), catalogue.catalogueVersion()));
            case ControlCommand any when !state.exists() ->
                    throw Rejection.notFound(ControlProblems.NOT_FOUND, "No control has this id.");
            case DecideApplicability decide -> decide(state, decide);
            case AssignOwner assign -> Objects.equals(assign.owner(), state.owner()) ? List.of()
                    : List.of(new ControlEvent.OwnerAssigned(state.id(), assign.owner()));
            case UpdateImplementation update when state.applicability() != Applicability.APPLICABLE ->
                    throw Rejection.conflict(ControlProblems.NOT_APPLICABLE, "Only an applicable control is implemented; "
                            + "this one is " + state.applicability() + ".");
            case UpdateImplementation update -> List.of(new ControlEvent.ImplementationUpdated(state.id(),
                    update.status(), update.description(), update.targetDate()));
            case RecordTest record -> List.of(new ControlEvent.ControlTested(state.id(), record.test()));
            case RelyForRisk rely -> rely(state, rely);
            case ReleaseFromRisk release -> state.linkedRiskIds().contains(release.riskId())
                    ? List.of(new ControlEvent.RiskUnlinked(state.id(), release.riskId())) : List.of();
        };
    }

    private static List<ControlEvent> decide(Control state, DecideApplicability decide) {
        if (decide.applicability() == Applicability.NOT_APPLICABLE && !state.linkedRiskIds().isEmpty()) {
            throw Rejection.conflict(ControlProblems.REQUIRED_BY_RISK, "Open risks rely on this control in their "
                    + "treatment (" + state.linkedRiskIds() + "): it cannot be excluded.");
        }
        if (decide.applicability() == state.applicability() && decide.justification().equals(state.justification())) {
            return List.of();
        }
        return List.of(new ControlEvent.ApplicabilityDecided(state.id(), decide.applicability(), decide.justification()));
    }

    private static List<ControlEvent> rely(Control state, RelyForRisk rely) {
        List<ControlEvent> events = new ArrayList<>();
        if (!state.linkedRiskIds().contains(rely.riskId())) {
            events.add(new ControlEvent.RiskLinked(state.id(), rely.riskId()));
        }
        if (state.applicability() == Applicability.UNDECIDED) {
            events.add(new ControlEvent.ApplicabilityDecided(state.id(), Applicability.APPLICABLE,
                    selectedToTreat(rely.riskId())));
        }
        return events;
    }

    @Override
    public Control evolve(Control state, ControlEvent event) {
        return Control.evolve(state, event);
    }
}
