package io.aimsledger.evidence.readmodel;

import java.time.Instant;
import java.util.UUID;

import io.aimsledger.contracts.evidence.v1.EvidenceStatus;
import io.aimsledger.support.web.PageCursor;

/** What a list of evidence asks for; null fields do not filter. */
public record EvidenceFilter(String controlId, UUID aiSystemId, EvidenceStatus status, Instant expiringBefore,
                             PageCursor after, int limit) {
}
