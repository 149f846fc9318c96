package io.aimsledger.support.problem;

/** The codes of problems that are not specific to a domain. */
public final class ProblemCodes {
    public static final String MALFORMED_BODY = "request.malformed";
    public static final String VALIDATION = "request.validation";
    public static final String UNAUTHENTICATED = "auth.unauthenticated";
    public static final String FORBIDDEN = "auth.forbidden";
    public static final String NOT_FOUND = "resource.not-found";
    public static final String METHOD_NOT_ALLOWED = "request.method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "request.unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "request.not-acceptable";
    public static final String PAYLOAD_TOO_LARGE = "request.too-large";
    public static final String NOT_IMPLEMENTED = "not-implemented";
    public static final String INTERNAL = "internal.error";
    public static final String UNAVAILABLE = "service.unavailable";
    /** An {@code effectiveAt} (or an ingested event's {@code time}) after the moment it is received. */
    public static final String TIME_IN_FUTURE = "time.in-future";

    private ProblemCodes() {
    }
}
