package io.aimsledger.eventstore.web;

/** An {@code Idempotency-Key} header and a hash of the request it came with (method, path and body). */
public record IdempotencyKey(String key, String requestHash) {

    public static final int MAX_LENGTH = 200;
}
