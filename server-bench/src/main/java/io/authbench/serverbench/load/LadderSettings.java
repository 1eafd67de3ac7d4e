package io.authbench.serverbench.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A ladder of offered rates for one variant.
 *
 * @param ratesPerSecond  offered rates in climbing order
 * @param stepDuration    length of each step
 * @param warmup          an unrecorded run at the first rate before the first step (zero = none)
 * @param p99BoundMillis  the ladder stops after the first step whose p99 passes this bound
 * @param maxErrorRatio   ... or whose failed page views exceed this share of those sent (0 = any error stops it)
 * @param concurrency     client threads (the most page views in flight)
 * @param requestTimeout  bound on each request
 */
public record LadderSettings(
        List<Double> ratesPerSecond,
        Duration stepDuration,
        Duration warmup,
        double p99BoundMillis,
        double maxErrorRatio,
        int concurrency,
        Duration requestTimeout) {
    public LadderSettings {
        ratesPerSecond = List.copyOf(ratesPerSecond);
        if (ratesPerSecond.isEmpty()) {
            throw new IllegalArgumentException("The ladder needs at least one rate.");
        }
        for (int i = 1; i < ratesPerSecond.size(); i++) {
            if (ratesPerSecond.get(i) <= ratesPerSecond.get(i - 1)) {
                throw new IllegalArgumentException("Ladder rates must climb, got " + ratesPerSecond + ".");
            }
        }
        if (!(p99BoundMillis > 0)) {
            throw new IllegalArgumentException("The p99 bound must be positive, was " + p99BoundMillis + " ms.");
        }
        if (maxErrorRatio < 0 || maxErrorRatio >= 1) {
            throw new IllegalArgumentException("The error ratio must be in [0, 1), was " + maxErrorRatio + ".");
        }
    }

    /** One line for progress output and {@code config.settings}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "rates %s /s; %d ms steps after a %d ms warm-up at the first rate;"
                        + " stops at p99 over %.0f ms, failed page views over %.0f %%, a step over its time limit or a"
                        + " dead server; %d clients, %d ms request timeout",
                ratesPerSecond.stream()
                        .map(r -> String.format(Locale.ROOT, "%.0f", r))
                        .collect(Collectors.joining(", ")),
                stepDuration.toMillis(),
                warmup.toMillis(),
                p99BoundMillis,
                maxErrorRatio * 100,
                concurrency,
                requestTimeout.toMillis());
    }

    /** The constant-rate settings of one step at {@code rate}. */
    LoadSettings step(double rate, Duration duration) {
        return LoadSettings.of(rate, duration)
                .withConcurrency(concurrency)
                .withRequestTimeout(requestTimeout)
                .withHardLimit(duration.plus(requestTimeout).plusSeconds(2));
    }
}
