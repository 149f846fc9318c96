package io.aimsledger.contracts.evidence.v1;

public enum ReviewDecision {
    ACCEPT, REJECT
}
