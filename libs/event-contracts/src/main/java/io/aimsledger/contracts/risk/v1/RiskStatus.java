package io.aimsledger.contracts.risk.v1;

public enum RiskStatus {
    IDENTIFIED, ASSESSED, TREATMENT_PLANNED, TREATED, ACCEPTED, CLOSED
}
