package io.aimsledger.eventstore.command;

/**
 * The answer to a command: HTTP status, the stream version for the {@code ETag}, an optional
 * {@code Location}, and the JSON body. A replay of an idempotent request gives the stored answer.
 */
public record CommandResult(int status, long version, String location, String body, boolean replayed) {
}
