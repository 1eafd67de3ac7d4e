package io.authbench.reports.stats;

/** A confidence interval [low, high] around an estimate. */
public record Interval(double low, double high) {
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
