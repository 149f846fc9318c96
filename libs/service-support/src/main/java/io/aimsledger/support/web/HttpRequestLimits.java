package io.aimsledger.support.web;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.support.problem.Problem;
import io.aimsledger.support.problem.ProblemCodes;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * The limits on a request's size, answered as problems before anything else reads the request. The HTTP
 * server's own limits ({@code quarkus.http.limits.*}) are set far higher, since it answers with an empty
 * body: a body announced above {@code aims.http.max-request-body} is a 400 {@code request.too-large}
 * (API.md), a URI longer than {@code aims.http.max-uri-length} a 414 and header lines longer than
 * {@code aims.http.max-header-bytes} in all a 431. A service may allow larger bodies on some requests
 * with a {@link BodyLimit} bean.
 */
@ApplicationScoped
public class HttpRequestLimits {

    /** Before the server's own body-size check (route order -2) and everything else. */
    private static final int PRIORITY = 1_000;

    private final long maxBody;
    private final int maxUri;
    private final int maxHeaders;
    private final ObjectMapper json;
    private final List<BodyLimit> bodyLimits;

    public HttpRequestLimits(HttpLimitsConfig limits, ObjectMapper json, Instance<BodyLimit> bodyLimits) {
        this.bodyLimits = bodyLimits.stream().toList();
        this.maxBody = limits.maxRequestBody();
        this.maxUri = limits.maxUriLength();
        this.maxHeaders = limits.maxHeaderBytes();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        var request = context.request();
        if (request.uri().length() > maxUri) {
            refuse(context, Problem.of(414, "request.uri-too-long", "URI too long",
                    "A request URI may be at most " + maxUri + " characters long."));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaders) {
            refuse(context, Problem.of(431, "request.headers-too-large", "Request header fields too large",
                    "The request's header fields may be at most " + maxHeaders + " bytes in all."));
            return;
        }
        String length = request.getHeader("Content-Length");
        BodyLimit own = bodyLimits.stream().filter(limit -> limit.appliesTo(request)).findFirst().orElse(null);
        if (length != null && !withinBodyLimit(length, own == null ? maxBody : own.maxBytes())) {
            refuse(context, own != null ? own.tooLarge() : Problem.of(400, ProblemCodes.PAYLOAD_TOO_LARGE,
                    "Request body too large", "A request body may hold at most " + maxBody + " bytes."));
            return;
        }
        context.next();
    }

    private static boolean withinBodyLimit(String length, long max) {
        try {
            return Long.parseLong(length.trim()) <= max;
        } catch (NumberFormatException e) {
            // A Content-Length that is not a number is as unreadable as one that is too large.
            return false;
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem can always be written as JSON", e);
        }
        var response = context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (context.request().version() != HttpVersion.HTTP_2) {
            // The body that may follow is not read, so the connection cannot carry another request. (HTTP/2
            // forbids the header: there the stream ends alone.)
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
