package io.aimsledger.contracts.inventory.v1;

/** The EU AI Act risk class. */
public enum EuAiActRiskClass {
    UNCLASSIFIED, PROHIBITED, HIGH_RISK, LIMITED_RISK, MINIMAL_RISK
}
