package io.aimsledger.contracts.controls.v1;

public enum TestResult {
    PASS, FAIL, PARTIAL
}
