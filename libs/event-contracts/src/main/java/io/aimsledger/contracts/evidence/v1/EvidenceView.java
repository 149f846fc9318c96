package io.aimsledger.contracts.evidence.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A piece of evidence as API.md shows it, in the evidence service and, as it stood at a time, in the audit. */
public record EvidenceView(UUID id, String title, String description, EvidenceKind kind, List<String> controlIds,
                           List<UUID> aiSystemIds, Instant effectiveAt, Instant validUntil, String collectedBy,
                           String source, Content content, String externalUri, String sha256, EvidenceStatus status,
                           List<Review> reviews, UUID supersededBy, long version, Instant createdAt,
                           Instant updatedAt) {

    public static EvidenceView of(Evidence evidence, long version, Instant createdAt, Instant updatedAt) {
        return new EvidenceView(evidence.id(), evidence.title(), evidence.description(), evidence.kind(),
                evidence.controlIds(), evidence.aiSystemIds(), evidence.effectiveAt(), evidence.validUntil(),
                evidence.collectedBy(), evidence.source(), evidence.content(), evidence.externalUri(),
                evidence.sha256(), evidence.status(), evidence.reviews(), evidence.supersededBy(), version, createdAt,
                updatedAt);
    }

    /** Accepted by its review (whatever happened since). */
    public boolean accepted() {
        return !reviews.isEmpty() && reviews.getLast().decision() == ReviewDecision.ACCEPT;
    }

    /** Accepted, in force at {@code at} and not superseded. */
    public boolean currentAt(Instant at) {
        return accepted() && supersededBy == null && !effectiveAt.isAfter(at)
                && (validUntil == null || at.isBefore(validUntil));
    }
}
