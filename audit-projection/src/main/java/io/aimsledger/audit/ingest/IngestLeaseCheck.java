package io.aimsledger.audit.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says whether this instance writes the log ({@code active}) or stands by. Both are UP: a standby
 * answers queries (its answers say {@code complete: false}, since it reads no partition) and must not hold
 * up a rolling update.
 */
@Readiness
@ApplicationScoped
public class IngestLeaseCheck implements HealthCheck {

    public static final String NAME = "audit ingest";

    private final IngestLease lease;

    public IngestLeaseCheck(IngestLease lease) {
        this.lease = lease;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).up().withData("role", lease.held() ? "active" : "standby").build();
    }
}
