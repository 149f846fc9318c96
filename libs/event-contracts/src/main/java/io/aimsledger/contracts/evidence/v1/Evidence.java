package io.aimsledger.contracts.evidence.v1;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A piece of evidence as its events made it: the one fold the evidence decider decides on, the controls
 * service summarises and the audit derives coverage and readiness with.
 */
public record Evidence(UUID id, String title, String description, EvidenceKind kind, List<String> controlIds,
                       List<UUID> aiSystemIds, Instant effectiveAt, Instant validUntil, String collectedBy,
                       String source, Content content, String externalUri, String sha256, List<Review> reviews,
                       UUID supersededBy, boolean expired) {

    public static Evidence none() {
        return new Evidence(null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null,
                List.of(), null, false);
    }

    public boolean exists() {
        return id != null;
    }

    public boolean reviewed() {
        return !reviews.isEmpty();
    }

    /** Accepted by its review (it may have expired or been superseded since). */
    public boolean accepted() {
        return reviewed() && reviews.getLast().decision() == ReviewDecision.ACCEPT;
    }

    public boolean rejected() {
        return reviewed() && reviews.getLast().decision() == ReviewDecision.REJECT;
    }

    public boolean superseded() {
        return supersededBy != null;
    }

    public EvidenceStatus status() {
        if (superseded()) {
            return EvidenceStatus.SUPERSEDED;
        }
        if (rejected()) {
            return EvidenceStatus.REJECTED;
        }
        if (expired) {
            return EvidenceStatus.EXPIRED;
        }
        return accepted() ? EvidenceStatus.ACCEPTED : EvidenceStatus.PENDING_REVIEW;
    }

    /** Whether it holds at {@code at}: accepted, in force ({@code effectiveAt <= at < validUntil}), not superseded. */
    public boolean currentAt(Instant at) {
        return accepted() && !superseded() && !effectiveAt.isAfter(at) && (validUntil == null || at.isBefore(validUntil));
    }

    public static Evidence evolve(Evidence state, EvidenceEvent event) {
        return switch (event) {
            case EvidenceEvent.EvidenceSubmitted s -> new Evidence(s.evidenceId(), s.title(), s.description(), s.kind(),
                    s.controlIds(), s.aiSystemIds(), s.effectiveAt(), s.validUntil(), s.collectedBy(), s.source(),
                    s.content(), s.externalUri(), s.sha256(), List.of(), null, false);
            case EvidenceEvent.EvidenceLinked linked -> state.withLinks(union(state.controlIds, linked.controlIds()),
                    union(state.aiSystemIds, linked.aiSystemIds()));
            case EvidenceEvent.EvidenceUnlinked unlinked -> state.withLinks(state.controlIds.stream()
                    .filter(id -> !id.equals(unlinked.controlId())).toList(), state.aiSystemIds);
            case EvidenceEvent.EvidenceReviewed reviewed -> {
                List<Review> reviews = new ArrayList<>(state.reviews);
                reviews.add(reviewed.review());
                yield new Evidence(state.id, state.title, state.description, state.kind, state.controlIds,
                        state.aiSystemIds, state.effectiveAt, state.validUntil, state.collectedBy, state.source,
                        state.content, state.externalUri, state.sha256, List.copyOf(reviews), state.supersededBy,
                        state.expired);
            }
            case EvidenceEvent.EvidenceSuperseded superseded -> new Evidence(state.id, state.title, state.description,
                    state.kind, state.controlIds, state.aiSystemIds, state.effectiveAt, state.validUntil,
                    state.collectedBy, state.source, state.content, state.externalUri, state.sha256, state.reviews,
                    superseded.byEvidenceId(), state.expired);
            case EvidenceEvent.EvidenceExpired expired -> new Evidence(state.id, state.title, state.description,
                    state.kind, state.controlIds, state.aiSystemIds, state.effectiveAt, state.validUntil,
                    state.collectedBy, state.source, state.content, state.externalUri, state.sha256, state.reviews,
                    state.supersededBy, true);
        };
    }

    private Evidence withLinks(List<String> controls, List<UUID> aiSystems) {
        return new Evidence(id, title, description, kind, controls, aiSystems, effectiveAt, validUntil, collectedBy,
                source, content, externalUri, sha256, reviews, supersededBy, expired);
    }

    private static <T> List<T> union(List<T> first, List<T> second) {
        LinkedHashSet<T> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
