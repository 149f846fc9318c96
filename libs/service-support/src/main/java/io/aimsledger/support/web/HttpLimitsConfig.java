package io.aimsledger.support.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The request sizes every service answers with a problem ({@code aims.http.*}); see {@link HttpRequestLimits}. */
@ConfigMapping(prefix = "aims.http")
public interface HttpLimitsConfig {

    /** A body announced above this many bytes is a 400 {@code request.too-large}. */
    @WithDefault("1048576")
    long maxRequestBody();

    /** A request URI longer than this is a 414. */
    @WithDefault("8192")
    int maxUriLength();

    /** Header fields of more than this many bytes in all are a 431. */
    @WithDefault("32768")
    int maxHeaderBytes();
}
