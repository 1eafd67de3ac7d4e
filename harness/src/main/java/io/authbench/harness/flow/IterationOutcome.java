package io.authbench.harness.flow;

import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ObservedRequest;
import java.time.Instant;
import java.util.List;

/**
 * What one iteration produced: its metrics, or the reason it failed (with whatever was measured before).
 *
 * @param ok         passed the correctness check
 * @param failure    why not; null when ok
 * @param startedAt  wall-clock time of the user action (of the measured phase if the action was never reached)
 * @param metrics    measured values (partial on failure)
 * @param requests   the waterfall
 * @param overheadMs harness work inside the iteration that a user would not have: context and page creation,
 *                   CDP set-up, reading the timings
 */
public record IterationOutcome(boolean ok, String failure, Instant startedAt, Metrics metrics,
                               List<ObservedRequest> requests, double overheadMs) {
    public IterationOutcome {
        requests = List.copyOf(requests);
    }

    public static IterationOutcome failed(String reason, Instant startedAt, Metrics partial, double overheadMs) {
        return new IterationOutcome(false, reason, startedAt, partial, List.of(), overheadMs);
    }
}
