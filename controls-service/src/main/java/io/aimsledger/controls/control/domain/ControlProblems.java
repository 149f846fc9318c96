package io.aimsledger.controls.control.domain;

/** The stable problem codes of controls (API.md, "controls-service"). */
public final class ControlProblems {
    public static final String NOT_FOUND = "control.not-found";
    public static final String EXISTS = "control.exists";
    public static final String REQUIRED_BY_RISK = "control.required-by-risk";
    public static final String NOT_APPLICABLE = "control.not-applicable";

    private ControlProblems() {
    }
}
