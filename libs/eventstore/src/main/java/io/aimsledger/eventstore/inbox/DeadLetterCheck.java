package io.aimsledger.eventstore.inbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says {@code degraded} while dead letters accumulate: within {@code aims.consumer.degraded-for}
 * of the last record set aside. It stays UP: the service still answers, and taking it out of service
 * would hide what it holds because one record was bad; operators alert on the state or on the metric.
 */
@Readiness
@ApplicationScoped
public class DeadLetterCheck implements HealthCheck {

    public static final String NAME = "dead letters";

    private final DeadLetterLog log;
    private final Duration degradedFor;

    public DeadLetterCheck(DeadLetterLog log,
                           @ConfigProperty(name = "aims.consumer.degraded-for", defaultValue = "PT15M") Duration degradedFor) {
        this.log = log;
        this.degradedFor = degradedFor;
    }

    @Override
    public HealthCheckResponse call() {
        boolean degraded = log.last().map(last -> last.plus(degradedFor).isAfter(Instant.now())).orElse(false);
        var response = HealthCheckResponse.named(NAME).up().withData("state", degraded ? "degraded" : "ok");
        log.byConsumer().forEach(response::withData);
        log.last().ifPresent(last -> response.withData("lastSetAsideAt", last.toString()));
        return response.build();
    }
}
