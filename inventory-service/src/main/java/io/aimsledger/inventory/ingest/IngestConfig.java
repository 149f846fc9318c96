package io.aimsledger.inventory.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The inventory's ingest settings ({@code aims.inventory.ingest.*}). */
@ConfigMapping(prefix = "aims.inventory.ingest")
public interface IngestConfig {

    Kafka kafka();

    interface Kafka {

        /** Whether CloudEvents are also taken from {@code aims.inventory.ingest.v1} (HTTP ingest always is). */
        @WithDefault("true")
        boolean enabled();
    }
}
