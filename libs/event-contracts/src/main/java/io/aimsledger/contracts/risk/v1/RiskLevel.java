package io.aimsledger.contracts.risk.v1;

/** A score's level (API.md): 1-4 LOW, 5-9 MEDIUM, 10-16 HIGH, 20-25 CRITICAL (no product lies between). */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static RiskLevel of(int score) {
        if (score < 1 || score > 25) {
            throw new IllegalArgumentException("a score is likelihood x impact, 1 to 25, not " + score);
        }
        return score <= 4 ? LOW : score <= 9 ? MEDIUM : score <= 16 ? HIGH : CRITICAL;
    }
}
