package io.aimsledger.support.problem;

import java.util.List;

/**
 * Input that fails a check made by hand (a path id, a query parameter, a header, a merge patch):
 * answered as a 400 problem listing the violations, like bean validation's.
 */
public final class InvalidRequest extends RuntimeException {

    private final List<Violation> violations;
    private final Problem problem;

    public InvalidRequest(List<Violation> violations) {
        super(violations.toString(), null, false, false);
        this.violations = List.copyOf(violations);
        this.problem = Problem.invalid(ProblemCodes.VALIDATION, "The request has invalid fields.", this.violations);
    }

    /** A 400 problem of its own code and detail, such as a body that is not JSON at all. */
    public InvalidRequest(Problem problem) {
        super(problem.detail(), null, false, false);
        this.violations = problem.violations() == null ? List.of() : problem.violations();
        this.problem = problem;
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    public Problem problem() {
        return problem;
    }
}
