package io.aimsledger.controls.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;
import io.aimsledger.contracts.reference.AnnexA;
import io.aimsledger.contracts.reference.Mappings;

/**
 * How far the controls cover one framework (API.md, {@code GET /api/v1/frameworks/{framework}/coverage}): for
 * each requirement, the ISO/IEC 42001 controls and clauses mapped to it (derived mappings marked) and
 * whether any mapped control is applicable, implemented and evidenced; with the counts. For ISO42001 itself
 * each Annex A control is its own requirement.
 */
public final class FrameworkCoverage {

    /** A control or clause mapped to a requirement, and where the control stands. */
    public record Mapped(String controlId, boolean derived, boolean control, boolean applicable, boolean implemented,
                         boolean evidenced) {
    }

    public record Requirement(String requirement, List<Mapped> mapped, boolean applicable, boolean implemented,
                              boolean evidenced) {
    }

    public record Counts(int requirements, int applicable, int implemented, int evidenced) {
    }

    public record Coverage(String framework, Counts counts, List<Requirement> requirements) {
    }

    private FrameworkCoverage() {
    }

    public static Coverage of(String framework, List<ControlView> controls) {
        Map<String, ControlView> byId = new LinkedHashMap<>();
        controls.forEach(control -> byId.put(control.id(), control));
        Map<String, List<Mapped>> byRequirement = new LinkedHashMap<>();
        if (framework.equals("ISO42001")) {
            AnnexA.controls().forEach(control -> byRequirement.put(control.id(),
                    new ArrayList<>(List.of(mapped(control.id(), false, byId)))));
        } else {
            for (Mappings.Mapped mapping : Mappings.toFramework(framework)) {
                byRequirement.computeIfAbsent(mapping.targetId(), id -> new ArrayList<>())
                        .add(mapped(mapping.controlId(), mapping.derived(), byId));
            }
        }
        List<Requirement> requirements = new ArrayList<>();
        byRequirement.forEach((requirement, mapped) -> requirements.add(new Requirement(requirement, List.copyOf(mapped),
                mapped.stream().anyMatch(Mapped::applicable), mapped.stream().anyMatch(Mapped::implemented),
                mapped.stream().anyMatch(Mapped::evidenced))));
        Counts counts = new Counts(requirements.size(), (int) requirements.stream().filter(Requirement::applicable).count(),
                (int) requirements.stream().filter(Requirement::implemented).count(),
                (int) requirements.stream().filter(Requirement::evidenced).count());
        return new Coverage(framework, counts, requirements);
    }

    private static Mapped mapped(String controlId, boolean derived, Map<String, ControlView> controls) {
        ControlView control = controls.get(controlId);
        if (control == null) {
            return new Mapped(controlId, derived, false, false, false, false); // a clause, not a control
        }
        return new Mapped(controlId, derived, true, control.applicability() == Applicability.APPLICABLE,
                control.implementationStatus() == ImplementationStatus.IMPLEMENTED,
                control.evidence() != null && control.evidence().current() > 0);
    }
}
