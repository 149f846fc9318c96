package io.aimsledger.contracts.controls.v1;

public enum ImplementationStatus {
    NOT_STARTED, PLANNED, IN_PROGRESS, IMPLEMENTED
}
