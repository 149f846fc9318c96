package io.aimsledger.contracts.risk.v1;

public enum ImpactAssessmentStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED;

    /** Impacts may be added or removed only while the assessment is being written or after a rejection. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
