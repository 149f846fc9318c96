package io.aimsledger.risk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The risk service's settings ({@code aims.risk.*}). */
@ConfigMapping(prefix = "aims.risk")
public interface RiskConfig {

    /**
     * The risk appetite, a score (1-25): a risk whose residual score, or inherent score while untreated,
     * is strictly above it is over appetite. Recorded in each assessment, so a change applies from the
     * next assessment on and the history keeps the appetite each decision was made under.
     */
    @WithDefault("9")
    int appetite();
}
