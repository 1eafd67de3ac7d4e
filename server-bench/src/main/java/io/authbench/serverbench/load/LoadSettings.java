package io.authbench.serverbench.load;

import java.time.Duration;

/**
 * One constant-rate run.
 *
 * @param ratePerSecond  offered page views per second (intended start times are {@code i / rate} apart)
 * @param duration       how long page views are scheduled for
 * @param maxRequests    hard bound on page views scheduled, whatever the rate and duration
 * @param concurrency    client threads (each keeps its connections): the most page views in flight at once
 * @param requestTimeout bound on each HTTP request of a page view
 * @param hardLimit      wall-time bound on the whole run: nothing is sent after it, in-flight requests end by their
 *                       timeout, and what was due but not sent is counted as {@code notSent}
 */
public record LoadSettings(
        double ratePerSecond,
        Duration duration,
        long maxRequests,
        int concurrency,
        Duration requestTimeout,
        Duration hardLimit) {
    public LoadSettings {
        if (!(ratePerSecond > 0) || ratePerSecond > 1_000_000) {
            throw new IllegalArgumentException(
                    "rate must be between 0 and 1,000,000 per second, was " + ratePerSecond + ".");
        }
        requirePositive("duration", duration);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("hardLimit", hardLimit);
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1, was " + maxRequests + ".");
        }
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("concurrency must be between 1 and 1024, was " + concurrency + ".");
        }
    }

    /** A run of {@code duration} at {@code ratePerSecond}, 64 clients, 5 s request timeout, hard limit duration + 10 s. */
    public static LoadSettings of(double ratePerSecond, Duration duration) {
        return new LoadSettings(
                ratePerSecond, duration, 10_000_000, 64, Duration.ofSeconds(5), duration.plusSeconds(10));
    }

    public LoadSettings withConcurrency(int clients) {
        return new LoadSettings(ratePerSecond, duration, maxRequests, clients, requestTimeout, hardLimit);
    }

    public LoadSettings withRequestTimeout(Duration timeout) {
        return new LoadSettings(ratePerSecond, duration, maxRequests, concurrency, timeout, hardLimit);
    }

    public LoadSettings withHardLimit(Duration limit) {
        return new LoadSettings(ratePerSecond, duration, maxRequests, concurrency, requestTimeout, limit);
    }

    public LoadSettings withMaxRequests(long max) {
        return new LoadSettings(ratePerSecond, duration, max, concurrency, requestTimeout, hardLimit);
    }

    /** Page views scheduled: rate × duration, at most {@link #maxRequests()}. */
    public long plannedRequests() {
        long byTime = (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
        return Math.max(1, Math.min(maxRequests, byTime));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value + ".");
        }
    }
}
