package io.aimsledger.contracts.controls.v1;

public enum ControlSource {
    ISO42001_ANNEX_A, CUSTOM
}
