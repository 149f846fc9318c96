package io.aimsledger.contracts.evidence.v1;

public enum EvidenceKind {
    DOCUMENT, SCREENSHOT, LOG, CONFIGURATION, TEST_REPORT, ATTESTATION, LINK, OTHER
}
