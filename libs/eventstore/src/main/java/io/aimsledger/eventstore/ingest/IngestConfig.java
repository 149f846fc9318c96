package io.aimsledger.eventstore.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ingest settings every service shares ({@code aims.ingest.*}). */
@ConfigMapping(prefix = "aims.ingest")
public interface IngestConfig {

    /**
     * How far an event's {@code time} may be ahead of this service's clock (clocks of integrations
     * differ): within it the event takes effect now; beyond it the event is refused, {@code time.in-future}.
     */
    @WithDefault("PT5M")
    Duration clockSkew();
}
