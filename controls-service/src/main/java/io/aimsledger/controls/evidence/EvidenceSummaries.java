package io.aimsledger.controls.evidence;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.evidence.v1.Evidence;
import io.aimsledger.contracts.evidence.v1.EvidenceSummary;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.eventstore.replica.EntityReplica;
import io.smallrye.mutiny.Uni;

/**
 * Each control's evidence summary ({@code evidence: {accepted, current, nextExpiry}}, API.md) as of now, from
 * the evidence the evidence service published: worked out when a control is read, so it holds whatever
 * expired since the last event.
 */
@ApplicationScoped
public class EvidenceSummaries {

    private final EntityReplica replica;
    private final Clock clock;

    public EvidenceSummaries(EntityReplica replica, Clock clock) {
        this.replica = replica;
        this.clock = clock;
    }

    public Uni<ControlView.Evidence> of(String controlId) {
        return replica.listing(Contracts.EVIDENCE, "controlIds", controlId)
                .map(evidence -> EvidenceSummary.of(controlId, views(evidence), clock.instant()));
    }

    public Uni<ControlView> with(ControlView control) {
        return control == null ? Uni.createFrom().nullItem() : of(control.id()).map(control::withEvidence);
    }

    /** The controls with their summaries, from one read of the evidence. */
    public Uni<List<ControlView>> with(List<ControlView> controls) {
        if (controls.isEmpty()) {
            return Uni.createFrom().item(controls);
        }
        return replica.all(Contracts.EVIDENCE).map(evidence -> EvidenceSummary.complete(controls, views(evidence),
                clock.instant()));
    }

    private static List<EvidenceView> views(List<Evidence> evidence) {
        return evidence.stream().filter(Evidence::exists).map(e -> EvidenceView.of(e, 0, null, null)).toList();
    }
}
