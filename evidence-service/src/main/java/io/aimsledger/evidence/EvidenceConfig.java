package io.aimsledger.evidence;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The evidence service's settings ({@code aims.evidence.*}). */
@ConfigMapping(prefix = "aims.evidence")
public interface EvidenceConfig {

    /** The largest content a piece of evidence may have (an upload, or inline content from an integration). */
    @WithDefault("25M")
    MemorySize maxContentSize();

    /** How often each replica looks for evidence whose {@code validUntil} passed. */
    @WithDefault("30s")
    Duration expiryInterval();
}
