package io.aimsledger.contracts;

/** A body that is not a structured-mode CloudEvent 1.0: which attribute, and why, in the API's words. */
public final class NotACloudEvent extends RuntimeException {

    private final String field;
    private final String reason;

    public NotACloudEvent(String field, String reason) {
        super(field.isEmpty() ? reason : field + " " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
