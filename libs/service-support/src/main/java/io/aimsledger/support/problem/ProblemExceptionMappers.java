package io.aimsledger.support.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where an exception becomes an HTTP answer: always an RFC 9457 problem, never a
 * stack trace, and never a 500 for something the client sent.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    // Lower than Priorities.USER, so these win over the defaults that extensions register.
    private static final int PRIORITY = 100;

    // The specific Jackson types are named because extensions register their own mappers for them.
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class, StreamConstraintsException.class}, priority = PRIORITY)
    public Response json(JsonProcessingException e) {
        return ProblemResponses.of(JsonProblems.describe(e));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalid(InvalidRequest e) {
        return ProblemResponses.of(e.problem());
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response validation(ConstraintViolationException e) {
        boolean inResponse = e.getConstraintViolations().stream().anyMatch(ProblemExceptionMappers::isReturnValue);
        if (inResponse) {
            return unexpected(e);
        }
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        return ProblemResponses.of(Problem.invalid(ProblemCodes.VALIDATION, "The request has invalid fields.", violations));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(value = {AuthenticationFailedException.class, AuthenticationCompletionException.class},
            priority = PRIORITY)
    public Response authenticationFailed(RuntimeException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(403, ProblemCodes.FORBIDDEN, "Forbidden",
                "Your roles do not allow this operation.");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return ProblemResponses.of(status, codeFor(status), Response.Status.fromStatusCode(status) == null
                ? "Client error" : Response.Status.fromStatusCode(status).getReasonPhrase(), detailFor(status));
    }

    @ServerExceptionMapper(priority = PRIORITY + 1)
    public Response unexpected(Throwable e) {
        if (fromMultipartParser(e)) {
            return ProblemResponses.of(400, ProblemCodes.MALFORMED_BODY, "Malformed multipart body",
                    "The multipart/form-data body or its boundary could not be read (it may end before its closing boundary).");
        }
        if (Unavailable.is(e)) {
            LOG.warnf("Answered 503: a dependency is unavailable (%s)", e);
            return Response.fromResponse(ProblemResponses.of(503, ProblemCodes.UNAVAILABLE, "Service unavailable",
                    "Something this service depends on cannot be reached right now. Retry shortly; a retry with "
                            + "the same Idempotency-Key is applied at most once."))
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return ProblemResponses.of(500, ProblemCodes.INTERNAL, "Internal error",
                "Something went wrong on our side; quote incident " + incident + " when you report it.");
    }

    private static Response unauthorized() {
        return Response.fromResponse(ProblemResponses.of(401, ProblemCodes.UNAUTHENTICATED, "Unauthorized",
                        "A valid bearer token from the aims realm is required."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aims\"")
                .build();
    }

    /**
     * A failure raised while the server's multipart parser read the request (a body cut short, a boundary
     * parameter it cannot read) comes from the client's bytes, whatever its type.
     */
    private static boolean fromMultipartParser(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
                return true;
            }
            if (frame.getClassName().startsWith("io.aimsledger.")) {
                return false;
            }
        }
        return false;
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** Drops the method and parameter names that Bean Validation puts in front of a body field. */
    private static String field(Path path) {
        var out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getName() != null && node.getName().startsWith("<")) {
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> ProblemCodes.MALFORMED_BODY;
            case 401 -> ProblemCodes.UNAUTHENTICATED;
            case 403 -> ProblemCodes.FORBIDDEN;
            case 404 -> ProblemCodes.NOT_FOUND;
            case 405 -> ProblemCodes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCodes.NOT_ACCEPTABLE;
            case 413 -> ProblemCodes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> "request.rejected";
        };
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "No resource exists at this path.";
            case 405 -> "This path does not accept this method.";
            case 406 -> "This resource cannot be represented in the requested media type.";
            case 413 -> "The request body is larger than this endpoint accepts.";
            case 415 -> "This endpoint does not accept the body's media type.";
            default -> "The request was rejected.";
        };
    }
}
