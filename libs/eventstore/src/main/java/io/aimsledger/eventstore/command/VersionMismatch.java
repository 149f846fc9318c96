package io.aimsledger.eventstore.command;

/** {@code If-Match} named a version the resource is no longer (or not yet) at. */
public final class VersionMismatch extends RuntimeException {

    private final long expected;
    private final long actual;

    public VersionMismatch(long expected, long actual) {
        super("If-Match expected version " + expected + " but the resource is at version " + actual, null, false, false);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
