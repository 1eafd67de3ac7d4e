package io.authbench.serverbench.load;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one constant-rate run measured.
 *
 * @param settings        what was asked for
 * @param latencies       nanoseconds from each successful page view's <em>intended</em> start to its completion
 *                        (coordinated omission corrected: waiting behind a slow server counts)
 * @param planned         page views scheduled
 * @param sent            page views started
 * @param succeeded       page views that completed as expected
 * @param errors          failed page views by kind (timeouts included); kinds with no failure are absent
 * @param notSent         page views that were due but not started because the hard limit passed
 * @param elapsed         from the first intended start to the last completion
 * @param hardLimitHit    whether the run was cut at {@link LoadSettings#hardLimit()}
 * @param firstErrors     the first description seen per error kind (no secrets, no bodies)
 */
public record LoadOutcome(
        LoadSettings settings,
        Histogram latencies,
        long planned,
        long sent,
        long succeeded,
        Map<ErrorKind, Long> errors,
        long notSent,
        Duration elapsed,
        boolean hardLimitHit,
        Map<ErrorKind, String> firstErrors) {
    public LoadOutcome {
        errors = Map.copyOf(errors);
        firstErrors = Map.copyOf(firstErrors);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successful page views per second over {@link #elapsed()}. */
    public double achievedPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : succeeded / seconds;
    }

    /** Latency at a percentile (0–100) in milliseconds, or null if nothing succeeded. */
    public Double percentileMillis(double percentile) {
        return latencies.getTotalCount() == 0 ? null : latencies.getValueAtPercentile(percentile) / 1e6;
    }

    public Double maxMillis() {
        return latencies.getTotalCount() == 0 ? null : latencies.getMaxValue() / 1e6;
    }
}
