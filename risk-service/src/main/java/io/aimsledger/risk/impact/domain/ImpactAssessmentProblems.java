package io.aimsledger.risk.impact.domain;

/** The stable problem codes of impact assessments (API.md, "risk-service"). */
public final class ImpactAssessmentProblems {
    public static final String NOT_FOUND = "impact-assessment.not-found";
    public static final String EXISTS = "impact-assessment.exists";
    public static final String NOT_EDITABLE = "impact-assessment.not-editable";
    public static final String EMPTY = "impact-assessment.empty";
    public static final String NOT_SUBMITTED = "impact-assessment.not-submitted";
    public static final String IMPACT_NOT_FOUND = "impact-assessment.impact-not-found";
    public static final String IMPACT_EXISTS = "impact-assessment.impact-exists";

    private ImpactAssessmentProblems() {
    }
}
