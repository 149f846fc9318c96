package io.aimsledger.contracts.controls.v1;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Controls events, version 1, published on {@code aims.controls.v1}; the subject of each CloudEvent is
 * the control's id ({@code A.6.2.4}, or a custom control's id). Time and actor travel in the envelope.
 */
public sealed interface ControlEvent {

    String controlId();

    /**
     * A control enters the catalogue: an Annex A control of the shipped reference (by the service itself,
     * actor {@code system}) or a custom control an organisation defines.
     */
    record ControlCatalogued(String controlId, ControlSource source, String objectiveId, String objectiveTitle,
                             String title, String description, String catalogueVersion) implements ControlEvent {
        public ControlCatalogued {
            required(controlId, "controlId");
            required(source, "source");
        }
    }

    /** Included in or excluded from the Statement of Applicability, with the justification either way. */
    record ApplicabilityDecided(String controlId, Applicability applicability, String justification)
            implements ControlEvent {
        public ApplicabilityDecided {
            required(controlId, "controlId");
            required(applicability, "applicability");
        }
    }

    record OwnerAssigned(String controlId, String owner) implements ControlEvent {
        public OwnerAssigned {
            required(controlId, "controlId");
        }
    }

    record ImplementationUpdated(String controlId, ImplementationStatus status, String description,
                                 LocalDate targetDate) implements ControlEvent {
        public ImplementationUpdated {
            required(controlId, "controlId");
            required(status, "status");
        }
    }

    record ControlTested(String controlId, EffectivenessTest test) implements ControlEvent {
        public ControlTested {
            required(controlId, "controlId");
            required(test, "test");
        }
    }

    /** An open risk's treatment relies on this control (caused by the risk event, actor {@code system}). */
    record RiskLinked(String controlId, UUID riskId) implements ControlEvent {
        public RiskLinked {
            required(controlId, "controlId");
            required(riskId, "riskId");
        }
    }

    /** The risk was closed or its treatment no longer names this control. */
    record RiskUnlinked(String controlId, UUID riskId) implements ControlEvent {
        public RiskUnlinked {
            required(controlId, "controlId");
            required(riskId, "riskId");
        }
    }

    /** A published event carries what its control needs: one without it is not this contract's data. */
    static void required(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
