package io.aimsledger.contracts.evidence.v1;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

import io.aimsledger.contracts.controls.v1.ControlView;

/** A control's evidence summary ({@code ControlView.evidence}) from the evidence linked to it, at an instant. */
public final class EvidenceSummary {

    private EvidenceSummary() {
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
