package io.aimsledger.contracts.evidence.v1;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.aimsledger.contracts.controls.v1.ControlView;

/** A control's evidence summary ({@code ControlView.evidence}) from the evidence linked to it, at an instant. */
public final class EvidenceSummary {

    private EvidenceSummary() {
    }

    /** The controls, each with its summary from {@code evidence} at {@code at}. */
    public static List<ControlView> complete(List<ControlView> controls, Collection<EvidenceView> evidence, Instant at) {
        return controls.stream().map(control -> control.withEvidence(of(control.id(), evidence, at))).toList();
    }

    public static ControlView.Evidence of(String controlId, Collection<EvidenceView> evidence, Instant at) {
        var linked = evidence.stream().filter(e -> e.controlIds().contains(controlId)).toList();
        var current = linked.stream().filter(e -> e.currentAt(at)).toList();
        Instant nextExpiry = current.stream().map(EvidenceView::validUntil).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new ControlView.Evidence((int) linked.stream().filter(EvidenceView::accepted).count(), current.size(),
                nextExpiry);
    }
}
