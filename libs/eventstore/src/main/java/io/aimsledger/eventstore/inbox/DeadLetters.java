package io.aimsledger.eventstore.inbox;

/**
 * The headers that say why a record was set aside on a dead-letter topic (API.md). The connector adds
 * its own {@code dead-letter-topic}, {@code -partition} and {@code -offset} for where it came from.
 */
public final class DeadLetters {

    public static final String CODE = "dlq-code";
    public static final String REASON = "dlq-reason";
    private static final int MAX_REASON = 1000;

    private DeadLetters() {
    }

    static String truncated(String reason) {
        return reason == null ? "" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
