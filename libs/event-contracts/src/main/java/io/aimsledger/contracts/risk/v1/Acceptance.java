package io.aimsledger.contracts.risk.v1;

import java.time.Instant;

/**
 * An approver's acceptance of what remains of a risk, bound to the risk's version it was made on;
 * {@code stale} once a later assessment, treatment or residual change (or a breaching signal) came.
 */
public record Acceptance(String acceptedBy, String rationale, Instant acceptedAt, long riskVersion, Instant expiresAt,
                         boolean stale) {

    public Acceptance madeStale() {
        return stale ? this : new Acceptance(acceptedBy, rationale, acceptedAt, riskVersion, expiresAt, true);
    }
}
