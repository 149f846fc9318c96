package io.aimsledger.contracts.controls.v1;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A control as its events made it: the one fold the controls decider decides on and the audit derives
 * the Statement of Applicability with. {@code linkedRiskIds} are the open risks whose treatment relies on it.
 */
public record Control(String id, ControlSource source, String objectiveId, String objectiveTitle, String title,
                      String description, Applicability applicability, String justification,
                      ImplementationStatus implementationStatus, String implementationDescription,
                      LocalDate targetDate, String owner, List<UUID> linkedRiskIds, List<EffectivenessTest> tests) {

    /** How many tests the state keeps, the latest last (the view shows the last). */
    public static final int RECENT_TESTS = 20;

    public static Control none() {
        return new Control(null, null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of());
    }

    public boolean exists() {
        return source != null;
    }

    public static Control evolve(Control state, ControlEvent event) {
        return switch (event) {
            case ControlEvent.ControlCatalogued catalogued -> new Control(catalogued.controlId(), catalogued.source(),
                    catalogued.objectiveId(), catalogued.objectiveTitle(), catalogued.title(), catalogued.description(),
                    Applicability.UNDECIDED, null, ImplementationStatus.NOT_STARTED, null, null, null, List.of(),
                    List.of());
            case ControlEvent.ApplicabilityDecided decided -> new Control(state.id, state.source, state.objectiveId,
                    state.objectiveTitle, state.title, state.description, decided.applicability(), decided.justification(),
                    state.implementationStatus, state.implementationDescription, state.targetDate, state.owner,
                    state.linkedRiskIds, state.tests);
            case ControlEvent.OwnerAssigned assigned -> new Control(state.id, state.source, state.objectiveId,
                    state.objectiveTitle, state.title, state.description, state.applicability, state.justification,
                    state.implementationStatus, state.implementationDescription, state.targetDate, assigned.owner(),
                    state.linkedRiskIds, state.tests);
            case ControlEvent.ImplementationUpdated updated -> new Control(state.id, state.source, state.objectiveId,
                    state.objectiveTitle, state.title, state.description, state.applicability, state.justification,
                    updated.status(), updated.description(), updated.targetDate(), state.owner, state.linkedRiskIds,
                    state.tests);
            case ControlEvent.ControlTested tested -> state.withTests(recent(state.tests, tested.test()));
            case ControlEvent.RiskLinked linked -> state.withRisks(with(state.linkedRiskIds, linked.riskId(), true));
            case ControlEvent.RiskUnlinked unlinked -> state.withRisks(with(state.linkedRiskIds, unlinked.riskId(), false));
        };
    }

    private Control withTests(List<EffectivenessTest> next) {
        return new Control(id, source, objectiveId, objectiveTitle, title, description, applicability, justification,
                implementationStatus, implementationDescription, targetDate, owner, linkedRiskIds, next);
    }

    private Control withRisks(List<UUID> next) {
        return new Control(id, source, objectiveId, objectiveTitle, title, description, applicability, justification,
                implementationStatus, implementationDescription, targetDate, owner, next, tests);
    }

    private static List<EffectivenessTest> recent(List<EffectivenessTest> tests, EffectivenessTest test) {
        List<EffectivenessTest> next = new ArrayList<>(tests);
        next.add(test);
        return List.copyOf(next.subList(Math.max(0, next.size() - RECENT_TESTS), next.size()));
    }

    private static List<UUID> with(List<UUID> risks, UUID risk, boolean linked) {
        Set<UUID> next = new LinkedHashSet<>(risks);
        if (linked) {
            next.add(risk);
        } else {
            next.remove(risk);
        }
        return List.copyOf(next);
    }
}
