package io.aimsledger.decider;

/**
 * A command the domain refuses, with a stable dotted {@code code} (e.g. {@code ai-system.retired})
 * that clients see in the problem response, and the kind of refusal that decides its HTTP status.
 */
public final class Rejection extends RuntimeException {

    public enum Kind {
        /** 404: the thing the command is about does not exist. */
        NOT_FOUND,
        /** 409: the command conflicts with the current state. */
        CONFLICT,
        /** 422: the command refers to something unknown or unusable. */
        UNPROCESSABLE,
        /** 403: the caller may not make this decision (four eyes). */
        FORBIDDEN
    }

    private final String code;
    private final Kind kind;

    private Rejection(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static Rejection conflict(String code, String message) {
        return new Rejection(Kind.CONFLICT, code, message);
    }

    public static Rejection notFound(String code, String message) {
        return new Rejection(Kind.NOT_FOUND, code, message);
    }

    public static Rejection unprocessable(String code, String message) {
        return new Rejection(Kind.UNPROCESSABLE, code, message);
    }

    public static Rejection forbidden(String code, String message) {
        return new Rejection(Kind.FORBIDDEN, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
