package io.aimsledger.support.config;

import java.util.List;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Turns the OpenTelemetry SDK off unless an OTLP endpoint is configured, so that a platform
 * without a collector does not try to export to a default address. Whoever sets
 * {@code quarkus.otel.sdk.disabled} explicitly still decides.
 */
public class TracingExportSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final List<String> ENDPOINTS = List.of(
            "quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || isExplicit(value)) {
            return value;
        }
        boolean endpointConfigured = ENDPOINTS.stream().map(context::proceed)
                .anyMatch(v -> isExplicit(v) && !v.getValue().isBlank());
        return endpointConfigured ? null : ConfigValue.builder()
                .withName(SDK_DISABLED)
                .withValue("true")
                .withConfigSourceName(TracingExportSwitch.class.getSimpleName())
                .build();
    }

    /** Set by someone, rather than the extension's built-in default (which has the lowest ordinal). */
    private static boolean isExplicit(ConfigValue value) {
        return value != null && value.getValue() != null && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
    }
}
