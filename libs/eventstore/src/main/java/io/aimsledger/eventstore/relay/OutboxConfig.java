package io.aimsledger.eventstore.relay;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay's settings ({@code aims.outbox.*}). */
@ConfigMapping(prefix = "aims.outbox")
public interface OutboxConfig {

    /** Whether this service instance takes part in relaying (one instance per database relays at a time). */
    @WithDefault("true")
    boolean enabled();

    /** Events read and published per round. */
    @WithDefault("500")
    int batchSize();

    /**
     * How often to look for events committed by another replica of the service (a commit in this
     * process wakes the relay at once). An event committed elsewhere is published within about this.
     */
    @WithDefault("100ms")
    Duration pollInterval();

    /** How long to wait before trying again after Kafka or PostgreSQL failed. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** Names the checkpoint and the advisory lock; one relay per name and database runs at a time. */
    @WithDefault("outbox")
    String name();
}
