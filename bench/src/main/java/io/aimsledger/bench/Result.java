package io.aimsledger.bench;

/**
 * One measured figure. {@code ratio} is the figure over its ceiling measured in the same run (NaN if it
 * has none); {@code goal} is the target as text and {@code met} whether the figure reaches it.
 */
record Result(String stage, String what, double value, String unit, double ratio, String goal, Boolean met,
              String note) {

    static Result of(String stage, String what, double value, String unit) {
        return new Result(stage, what, value, unit, Double.NaN, "", null, "");
    }

    Result ratio(double ceiling) {
        return new Result(stage, what, value, unit, ceiling > 0 ? value / ceiling : Double.NaN, goal, met, note);
    }

    Result atLeast(double target, String goalText) {
        return new Result(stage, what, value, unit, ratio, goalText, value >= target, note);
    }

    Result ratioAtLeast(double target, String goalText) {
        return new Result(stage, what, value, unit, ratio, goalText, ratio >= target, note);
    }

    /** Both: at least {@code share} of the ceiling and at least {@code target} in absolute terms. */
    Result ratioAndValueAtLeast(double share, double target, String goalText) {
        return new Result(stage, what, value, unit, ratio, goalText, ratio >= share && value >= target, note);
    }

    Result atMost(double target, String goalText) {
        return new Result(stage, what, value, unit, ratio, goalText, value <= target, note);
    }

    Result note(String text) {
        return new Result(stage, what, value, unit, ratio, goal, met, text);
    }
}
