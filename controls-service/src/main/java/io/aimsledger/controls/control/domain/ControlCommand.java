package io.aimsledger.controls.control.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.contracts.controls.v1.EffectivenessTest;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;

/** What may be asked of a control. */
public sealed interface ControlCommand {

    /** An Annex A control of the shipped reference, or a custom control, enters the catalogue. */
    record CatalogueControl(String controlId, ControlSource source, String objectiveId, String objectiveTitle,
                            String title, String description, String catalogueVersion) implements ControlCommand {
    }

    record DecideApplicability(Applicability applicability, String justification) implements ControlCommand {
    }

    record AssignOwner(String owner) implements ControlCommand {
    }

    record UpdateImplementation(ImplementationStatus status, String description, LocalDate targetDate)
            implements ControlCommand {
    }

    record RecordTest(EffectivenessTest test) implements ControlCommand {
    }

    /** An open risk's treatment names this control: it relies on it, and an undecided control becomes applicable. */
    record RelyForRisk(UUID riskId) implements ControlCommand {
    }

    /** The risk closed, or its treatment no longer names this control. */
    record ReleaseFromRisk(UUID riskId) implements ControlCommand {
    }
}
