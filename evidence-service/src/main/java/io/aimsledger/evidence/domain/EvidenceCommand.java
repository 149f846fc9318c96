package io.aimsledger.evidence.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aimsledger.contracts.evidence.v1.Content;
import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.contracts.evidence.v1.ReviewDecision;

/** What may be asked of a piece of evidence; actor and time arrive in the command where a rule needs them. */
public sealed interface EvidenceCommand {

    /** Stored {@code content}, or an {@code externalUri} with its {@code sha256}; submitted by {@code collectedBy}. */
    record SubmitEvidence(UUID evidenceId, String title, String description, EvidenceKind kind, List<String> controlIds,
                          List<UUID> aiSystemIds, Instant effectiveAt, Instant validUntil, String collectedBy,
                          String source, Content content, String externalUri, String sha256)
            implements EvidenceCommand {
    }

    record LinkEvidence(List<String> controlIds, List<UUID> aiSystemIds) implements EvidenceCommand {
    }

    record UnlinkControl(String controlId) implements EvidenceCommand {
    }

    record ReviewEvidence(String by, ReviewDecision decision, String comment, Instant at) implements EvidenceCommand {
    }

    record SupersedeEvidence(UUID byEvidenceId) implements EvidenceCommand {
    }

    /** Expires the evidence if its {@code validUntil} is at or before {@code now} and it has not expired yet. */
    record ExpireEvidence(Instant now) implements EvidenceCommand {
    }
}
