package io.aimsledger.eventstore.web;

/**
 * The HTTP answer to a command: status, the stream version for the {@code ETag}, an optional
 * {@code Location}, and the JSON body; kept as it was sent for a request with an {@code Idempotency-Key},
 * so that a repeat gets it again ({@code replayed}).
 */
public record CommandResponse(int status, long version, String location, String body, boolean replayed) {
}
