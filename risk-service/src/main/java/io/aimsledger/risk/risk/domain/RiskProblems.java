package io.aimsledger.risk.risk.domain;

/** The stable problem codes of risks (API.md, "risk-service"). */
public final class RiskProblems {
    public static final String NOT_FOUND = "risk.not-found";
    public static final String EXISTS = "risk.exists";
    public static final String CLOSED = "risk.closed";
    public static final String NOT_CLOSED = "risk.not-closed";
    public static final String NOT_ASSESSED = "risk.not-assessed";
    public static final String NO_TREATMENT = "risk.no-treatment";
    public static final String EXPIRY_NOT_AFTER_ACCEPTANCE = "risk.acceptance-expiry-past";
    public static final String UNKNOWN_AI_SYSTEM = "risk.unknown-ai-system";
    public static final String AI_SYSTEM_RETIRED = "risk.ai-system-retired";
    public static final String UNKNOWN_CONTROL = "risk.unknown-control";
    /** An approver decides on their own work: four eyes are two people. */
    public static final String SAME_PERSON = "approval.same-person";

    private RiskProblems() {
    }
}
