package io.aimsledger.contracts.controls.v1;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.aimsledger.contracts.reference.Mappings;

/**
 * The Statement of Applicability (ISO/IEC 42001 6.1.3): one row per control, included or excluded, with
 * the justification, implementation status, owner, linked risks, evidence and mappings, in control id
 * order. The controls service answers it from its catalogue, the audit from the controls as they stood
 * at an instant: the same rows from the same views.
 */
public final class StatementOfApplicability {

    /** One row; {@code mappings} reads {@code FRAMEWORK target} separated by {@code ; }, derived ones marked. */
    public record Row(String controlId, String objectiveId, String objectiveTitle, String title, ControlSource source,
                      Applicability applicability, String justification, ImplementationStatus implementationStatus,
                      String owner, List<UUID> linkedRiskIds, int evidenceAccepted, int evidenceCurrent,
                      Instant evidenceNextExpiry, String mappings) {

        /** The row's values in the order of {@link #COLUMNS}, as a table shows them. */
        public List<Object> values() {
            List<Object> values = new ArrayList<>();
            values.add(controlId);
            values.add(objectiveId);
            values.add(objectiveTitle);
            values.add(title);
            values.add(source);
            values.add(applicability);
            values.add(justification);
            values.add(implementationStatus);
            values.add(owner);
            values.add(linkedRiskIds.stream().map(UUID::toString).collect(Collectors.joining(" ")));
            values.add(evidenceAccepted);
            values.add(evidenceCurrent);
            values.add(evidenceNextExpiry);
            values.add(mappings);
            return values;
        }
    }

    /** The columns of the CSV and XLSX forms, in order. */
    public static final List<String> COLUMNS = List.of("controlId", "objectiveId", "objectiveTitle", "title", "source",
            "applicability", "justification", "implementationStatus", "owner", "linkedRiskIds", "evidenceAccepted",
            "evidenceCurrent", "evidenceNextExpiry", "mappings");

    private StatementOfApplicability() {
    }

    public static List<Row> of(List<ControlView> controls) {
        return controls.stream().sorted(Comparator.comparing(ControlView::id)).map(StatementOfApplicability::row)
                .toList();
    }

    static Row row(ControlView control) {
        ControlView.Evidence evidence = control.evidence() == null ? ControlView.Evidence.NONE
                : control.evidence();
        return new Row(control.id(), control.objectiveId(), control.objectiveTitle(), control.title(), control.source(),
                control.applicability(), control.justification(), control.implementationStatus(), control.owner(),
                control.linkedRiskIds(), evidence.accepted(), evidence.current(), evidence.nextExpiry(),
                control.mappings().stream().map(StatementOfApplicability::mapping).collect(Collectors.joining("; ")));
    }

    private static String mapping(Mappings.Mapping mapping) {
        return mapping.framework() + " " + mapping.targetId() + (mapping.derived() ? " (derived)" : "");
    }
}
