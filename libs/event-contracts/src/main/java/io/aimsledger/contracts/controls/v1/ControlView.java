package io.aimsledger.contracts.controls.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.aimsledger.contracts.reference.Mappings;

/** A control as API.md shows it, in the catalogue and, as it stood at a time, in the audit. */
public record ControlView(String id, String objectiveId, String objectiveTitle, String title, String description,
                          ControlSource source, Applicability applicability, String justification,
                          ImplementationStatus implementationStatus, String implementationDescription,
                          LocalDate targetDate, String owner, List<UUID> linkedRiskIds, Evidence evidence,
                          LastTest lastTest, List<Mappings.Mapping> mappings, long version, Instant createdAt,
                          Instant updatedAt) {

    /**
     * The evidence of the control (from evidence events): how many pieces linked to it were accepted, how many
     * of those hold now, and the earliest {@code validUntil} among those that hold.
     */
    public record Evidence(int accepted, int current, Instant nextExpiry) {

        public static final Evidence NONE = new Evidence(0, 0, null);
    }

    /** This view with the evidence summary a service or the audit worked out from the evidence events. */
    public ControlView withEvidence(Evidence summary) {
        return new ControlView(id, objectiveId, objectiveTitle, title, description, source, applicability,
                justification, implementationStatus, implementationDescription, targetDate, owner, linkedRiskIds,
                summary, lastTest, mappings, version, createdAt, updatedAt);
    }

    public record LastTest(TestResult result, String method, Instant at, String by) {
    }

    public static ControlView of(Control control, long version, Instant createdAt, Instant updatedAt) {
        EffectivenessTest last = control.tests().isEmpty() ? null : control.tests().getLast();
        return new ControlView(control.id(), control.objectiveId(), control.objectiveTitle(), control.title(),
                control.description(), control.source(), control.applicability(), control.justification(),
                control.implementationStatus(), control.implementationDescription(), control.targetDate(),
                control.owner(), control.linkedRiskIds(), Evidence.NONE,
                last == null ? null : new LastTest(last.result(), last.method(), last.at(), last.by()),
                Mappings.of(control.id()), version, createdAt, updatedAt);
    }
}
