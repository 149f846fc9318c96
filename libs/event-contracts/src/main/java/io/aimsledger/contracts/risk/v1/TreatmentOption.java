package io.aimsledger.contracts.risk.v1;

public enum TreatmentOption {
    MITIGATE, ACCEPT, TRANSFER, AVOID
}
