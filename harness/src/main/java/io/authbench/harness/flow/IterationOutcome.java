package io.authbench.harness.flow;

import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ObservedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one iteration produced: its metrics, or the reason it failed (with whatever was measured before).
 *
 * @param ok         passed the correctness check
 * @param failure    why not; null when ok
 * @param startedAt  wall-clock time of the user action (of the measured phase if the action was never reached)
 * @param metrics    measured values (partial on failure)
 * @param requests   the waterfall
 * @param overheadMs harness work inside the iteration that a user would not have, by kind ({@code newContext},
 *                   {@code newPageAndCdp}, {@code probe}, {@code cdpMetrics}, {@code snapshots}, {@code cookies})
 * @param timeToContentMethod how the content's paint was taken ({@code element-timing} or {@code observer}); null
 *                   when the flow has no time to content (no-js) or it failed before the probe
 * @param checks     what the correctness checks saw, by check ({@code sessionCookie}, {@code contentWithoutJs});
 *                   recorded as the sample's {@code checks}
 * @param csrSessionPath for CSR iterations, {@code cookie} or {@code fallback} ({@link CsrSessionPath}); null otherwise
 */
public record IterationOutcome(
        boolean ok,
        String failure,
        Instant startedAt,
        Metrics metrics,
        List<ObservedRequest> requests,
        Map<String, Double> overheadMs,
        String timeToContentMethod,
        Map<String, String> checks,
        String csrSessionPath) {
    public IterationOutcome {
        requests = List.copyOf(requests);
        overheadMs = Map.copyOf(overheadMs);
        checks = checks == null ? Map.of() : Map.copyOf(checks);
    }

    /** Without recorded checks or CSR session path. */
    public IterationOutcome(
            boolean ok,
            String failure,
            Instant startedAt,
            Metrics metrics,
            List<ObservedRequest> requests,
            Map<String, Double> overheadMs,
            String timeToContentMethod) {
        this(ok, failure, startedAt, metrics, requests, overheadMs, timeToContentMethod, null, null);
    }

    /** The same outcome with the CSR session path recorded. */
    public IterationOutcome withCsrSessionPath(String path) {
        return new IterationOutcome(
                ok, failure, startedAt, metrics, requests, overheadMs, timeToContentMethod, checks, path);
    }

    /** Without a time-to-content method. */
    public IterationOutcome(
            boolean ok,
            String failure,
            Instant startedAt,
            Metrics metrics,
            List<ObservedRequest> requests,
            Map<String, Double> overheadMs) {
        this(ok, failure, startedAt, metrics, requests, overheadMs, null, null, null);
    }

    /** Total harness overhead of the iteration, ms. */
    public double totalOverheadMs() {
        return overheadMs.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public static IterationOutcome failed(
            String reason, Instant startedAt, Metrics partial, Map<String, Double> overheadMs) {
        return new IterationOutcome(false, reason, startedAt, partial, List.of(), overheadMs);
    }
}
