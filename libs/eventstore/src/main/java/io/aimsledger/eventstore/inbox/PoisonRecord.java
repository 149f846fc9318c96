package io.aimsledger.eventstore.inbox;

/** A record that can never be applied: it goes to the dead-letter topic with this code and reason. */
public final class PoisonRecord extends RuntimeException {

    private final String code;

    public PoisonRecord(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
