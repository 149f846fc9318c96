package io.aimsledger.eventstore.support;

import java.time.Duration;

import io.aimsledger.eventstore.relay.OutboxConfig;

/** Relay settings for tests: a short fallback poll, so a lost notification costs little time. */
public record TestOutboxConfig(boolean enabled, int batchSize, Duration pollInterval, Duration retryBackoff,
                               String name) implements OutboxConfig {

    public static TestOutboxConfig defaults() {
        return new TestOutboxConfig(true, 500, Duration.ofMillis(500), Duration.ofMillis(500), "outbox");
    }
}
