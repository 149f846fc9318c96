package io.aimsledger.contracts.risk.v1;

public enum ImpactDimension {
    FUNDAMENTAL_RIGHTS, SAFETY, HEALTH, FAIRNESS, PRIVACY, ENVIRONMENT, ECONOMIC, SOCIETAL, OTHER
}
