package io.aimsledger.support.problem;

import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into the HTTP response every service sends for it. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(int status, String code, String title, String detail) {
        return of(Problem.of(status, code, title, detail));
    }

    /** For an endpoint that is part of the published contract but whose domain has not been built yet. */
    public static Response notImplemented(String what) {
        return of(501, ProblemCodes.NOT_IMPLEMENTED, "Not implemented", what + " is not available in this version yet.");
    }
}
