package io.aimsledger.controls.control.rest;

/** The frameworks controls are mapped to (API.md, {@code GET /api/v1/frameworks}). */
public enum Framework {
    ISO42001, EU_AI_ACT, NIST_AI_RMF, ISO27001
}
