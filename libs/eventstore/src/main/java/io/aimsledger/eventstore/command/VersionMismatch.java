package io.aimsledger.eventstore.command;

/** {@code If-Match} asked for a version the resource is not at. */
public final class VersionMismatch extends RuntimeException {

    private final ExpectedVersion expected;
    private final long actual;

    public VersionMismatch(ExpectedVersion expected, long actual) {
        super("If-Match expected " + expected + " but the resource is at version " + actual, null, false, false);
        this.expected = expected;
        this.actual = actual;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
