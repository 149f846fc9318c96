package io.aimsledger.contracts.risk.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A risk as API.md shows it, in the risk register and, as it stood at a time, in the audit. */
public record RiskView(UUID id, List<UUID> aiSystemIds, String title, String description, RiskCategory category,
                       String source, String owner, Score inherent, Treatment treatment, Score residual,
                       RiskStatus status, Acceptance acceptance, LocalDate reviewDue, boolean overAppetite,
                       List<SignalView> signals, long version, Instant createdAt, Instant updatedAt) {

    /** A rating with what it makes. */
    public record Score(int likelihood, int impact, int score, RiskLevel level) {

        static Score of(Rating rating) {
            return rating == null ? null : new Score(rating.likelihood(), rating.impact(), rating.score(), rating.level());
        }
    }

    public record SignalView(String metric, double value, double threshold, Instant observedAt, String source) {
    }

    public static RiskView of(Risk risk, long version, Instant createdAt, Instant updatedAt) {
        RiskDetails d = risk.details();
        return new RiskView(risk.id(), risk.aiSystemIds(), d.title(), d.description(), d.category(), d.source(),
                d.owner(), Score.of(risk.inherent()), risk.treatment(), Score.of(risk.residual()), risk.status(),
                risk.acceptance(), d.reviewDue(), risk.overAppetite(), risk.signals().stream().map(signal ->
                        new SignalView(signal.metric(), signal.value(), signal.threshold(), signal.observedAt(),
                                signal.source())).toList(), version, createdAt, updatedAt);
    }
}
