package io.aimsledger.support.web;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.aimsledger.support.problem.ProblemCodes;
import io.aimsledger.support.problem.ProblemResponses;

/**
 * API.md answers an oversize body with a 400 problem. The HTTP server's own limit
 * ({@code quarkus.http.limits.max-body-size}) is set higher and answers a bare 413; this filter
 * refuses, before the body is read, anything announced above {@code aims.http.max-request-body}.
 */
public class RequestBodyLimit {

    private final long maxBytes;

    public RequestBodyLimit(@ConfigProperty(name = "aims.http.max-request-body", defaultValue = "1048576") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversizeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.trim()) <= maxBytes) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // A Content-Length that is not a number is as unreadable as one that is too large.
        }
        return Optional.of(ProblemResponses.of(400, ProblemCodes.PAYLOAD_TOO_LARGE, "Request body too large",
                "A request body may hold at most " + maxBytes + " bytes."));
    }
}
