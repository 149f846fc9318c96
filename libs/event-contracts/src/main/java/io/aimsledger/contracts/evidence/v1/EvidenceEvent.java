package io.aimsledger.contracts.evidence.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Evidence events, version 1, published on {@code aims.evidence.v1}; the subject of each CloudEvent is the
 * evidence id. The submission takes effect at the evidence's {@code effectiveAt} (when what it shows became
 * true), the expiry at its {@code validUntil}; time and actor travel in the envelope.
 */
public sealed interface EvidenceEvent {

    UUID evidenceId();

    /**
     * Evidence submitted: stored {@code content}, or an {@code externalUri} whose bytes hash to {@code sha256}.
     * {@code source} is {@code MANUAL} or the submitting integration's CloudEvents source.
     */
    record EvidenceSubmitted(UUID evidenceId, String title, String description, EvidenceKind kind,
                             List<String> controlIds, List<UUID> aiSystemIds, Instant effectiveAt, Instant validUntil,
                             String collectedBy, String source, Content content, String externalUri, String sha256)
            implements EvidenceEvent {
        public EvidenceSubmitted {
            required(evidenceId, "evidenceId");
            required(kind, "kind");
            required(effectiveAt, "effectiveAt");
            required(sha256, "sha256");
            controlIds = controlIds == null ? List.of() : List.copyOf(controlIds);
            aiSystemIds = aiSystemIds == null ? List.of() : List.copyOf(aiSystemIds);
        }
    }

    /** More controls or AI systems the evidence supports (only those not linked before). */
    record EvidenceLinked(UUID evidenceId, List<String> controlIds, List<UUID> aiSystemIds) implements EvidenceEvent {
        public EvidenceLinked {
            required(evidenceId, "evidenceId");
            controlIds = controlIds == null ? List.of() : List.copyOf(controlIds);
            aiSystemIds = aiSystemIds == null ? List.of() : List.copyOf(aiSystemIds);
        }
    }

    record EvidenceUnlinked(UUID evidenceId, String controlId) implements EvidenceEvent {
        public EvidenceUnlinked {
            required(evidenceId, "evidenceId");
            required(controlId, "controlId");
        }
    }

    record EvidenceReviewed(UUID evidenceId, Review review) implements EvidenceEvent {
        public EvidenceReviewed {
            required(evidenceId, "evidenceId");
            required(review, "review");
        }
    }

    /** A newer piece of evidence replaces this one from its own {@code effectiveAt} on. */
    record EvidenceSuperseded(UUID evidenceId, UUID byEvidenceId) implements EvidenceEvent {
        public EvidenceSuperseded {
            required(evidenceId, "evidenceId");
            required(byEvidenceId, "byEvidenceId");
        }
    }

    /** Its {@code validUntil} passed (emitted once by the service, taking effect at that instant). */
    record EvidenceExpired(UUID evidenceId, Instant validUntil) implements EvidenceEvent {
        public EvidenceExpired {
            required(evidenceId, "evidenceId");
        }
    }

    /** A published event carries what its evidence needs: one without it is not this contract's data. */
    static void required(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
