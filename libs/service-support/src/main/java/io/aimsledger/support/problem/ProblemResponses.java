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
}
