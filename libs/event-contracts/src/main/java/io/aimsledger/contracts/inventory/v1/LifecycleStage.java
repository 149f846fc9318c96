package io.aimsledger.contracts.inventory.v1;

/** AI system life cycle stages of ISO/IEC 22989. */
public enum LifecycleStage {
    INCEPTION, DESIGN_DEVELOPMENT, VERIFICATION_VALIDATION, DEPLOYMENT, OPERATION_MONITORING, RE_EVALUATION, RETIRED
}
