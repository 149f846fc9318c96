package io.aimsledger.contracts.risk.v1;

/** A likelihood and an impact, each 1 to 5, and what they make: score = likelihood x impact, and its level. */
public record Rating(int likelihood, int impact) {

    public Rating {
        if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5) {
            throw new IllegalArgumentException("likelihood and impact are 1 to 5");
        }
    }

    public int score() {
        return likelihood * impact;
    }

    public RiskLevel level() {
        return RiskLevel.of(score());
    }
}
