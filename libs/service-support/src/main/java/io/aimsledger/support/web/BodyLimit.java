package io.aimsledger.support.web;

import io.aimsledger.support.problem.Problem;
import io.vertx.core.http.HttpServerRequest;

/**
 * A larger body limit a service sets for some of its requests (an upload), in place of
 * {@code aims.http.max-request-body}; {@link HttpRequestLimits} applies the first that {@link #appliesTo}
 * a request, before the body is read.
 */
public interface BodyLimit {

    boolean appliesTo(HttpServerRequest request);

    long maxBytes();

    /** The answer to a request whose announced body is larger than {@link #maxBytes()}. */
    Problem tooLarge();
}
