package io.aimsledger.contracts.controls.v1;

public enum Applicability {
    UNDECIDED, APPLICABLE, NOT_APPLICABLE
}
