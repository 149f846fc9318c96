package io.aimsledger.eventstore.web;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aimsledger.eventstore.command.VersionMismatch;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.store.ConcurrencyConflict;
import io.aimsledger.support.problem.ProblemResponses;

/** The problem responses for what the command handler refuses: domain rejections and concurrency. */
public class EventStoreProblemMappers {

    public static final String VERSION_MISMATCH = "concurrency.version-mismatch";
    public static final String CONFLICT = "concurrency.conflict";
    private static final int PRIORITY = 100;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response rejection(Rejection e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ProblemResponses.of(404, e.code(), "Not found", e.getMessage());
            case CONFLICT -> ProblemResponses.of(409, e.code(), "Conflict with the current state", e.getMessage());
            case UNPROCESSABLE -> ProblemResponses.of(422, e.code(), "Cannot be processed", e.getMessage());
            case FORBIDDEN -> ProblemResponses.of(403, e.code(), "Forbidden", e.getMessage());
        };
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response versionMismatch(VersionMismatch e) {
        return ProblemResponses.of(412, VERSION_MISMATCH, "The resource has changed", e.getMessage()
                + ". Read it again and retry with its current ETag.");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response conflict(ConcurrencyConflict e) {
        return ProblemResponses.of(409, CONFLICT, "Concurrent change",
                "Another request changed this resource at the same time; retry.");
    }
}
