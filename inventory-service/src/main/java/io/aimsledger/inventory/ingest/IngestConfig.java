package io.aimsledger.inventory.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The inventory's ingest settings ({@code aims.inventory.ingest.*}). */
@ConfigMapping(prefix = "aims.inventory.ingest")
public interface IngestConfig {

    Kafka kafka();

    /**
     * How far an event's {@code time} may be ahead of this service's clock (clocks of integrations
     * differ): within it the event takes effect now; beyond it the event is refused, {@code time.in-future}.
     */
    @WithDefault("PT5M")
    Duration clockSkew();

    interface Kafka {

        /** Whether CloudEvents are also taken from {@code aims.inventory.ingest.v1} (HTTP ingest always is). */
        @WithDefault("true")
        boolean enabled();
    }
}
