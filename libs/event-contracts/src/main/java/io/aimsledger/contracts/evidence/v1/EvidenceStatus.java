package io.aimsledger.contracts.evidence.v1;

public enum EvidenceStatus {
    PENDING_REVIEW, ACCEPTED, REJECTED, EXPIRED, SUPERSEDED
}
