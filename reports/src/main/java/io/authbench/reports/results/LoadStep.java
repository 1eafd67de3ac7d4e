package io.authbench.reports.results;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One step of the constant-rate load ladder: latency at one offered rate (HdrHistogram, corrected for
 * coordinated omission by the phase that wrote it), what failed and what the servers spent.
 *
 * <p>The fields after {@code histogramFile} were added later (docs/results-schema.md, {@code load}): a file
 * written before them reads them as null, which means "not recorded", never zero.
 *
 * @param variant              {@code ssr} or {@code csr}
 * @param target               what was requested, e.g. {@code GET /dashboard}
 * @param offeredPerSecond     requests per second the generator tried to send
 * @param achievedPerSecond    requests per second completed
 * @param requests             requests sent
 * @param errors               requests that failed or timed out
 * @param p50Ms                latency percentiles, milliseconds
 * @param p90Ms                90th percentile
 * @param p99Ms                99th percentile
 * @param p999Ms               99.9th percentile
 * @param maxMs                maximum
 * @param histogramFile        HdrHistogram log relative to the run folder, null if not kept
 * @param errorsByKind         failed requests by kind ({@code refused}, {@code reset}, {@code timeout},
 *                             {@code http_status}, {@code other}); empty when none failed; null if not recorded
 * @param firstErrors          the first message seen per error kind (no secrets, no query strings); null if not
 *                             recorded
 * @param appCpuMsPerView      the app process's CPU per successful page view (JIT compilation apart), null if not
 *                             measured
 * @param appwriteCpuMsPerView Appwrite's process CPU per successful page view (JIT compilation apart), null if not
 *                             measured
 * @param sustained            whether the step met its rate: p99 under the ladder's bound, no failures beyond the
 *                             ladder's threshold and at least 95 % of the offered rate achieved; null if not recorded
 * @param stopReason           on the step after which the variant's ladder ended: why (one sentence); null on the
 *                             other steps
 */
public record LoadStep(
        String variant,
        String target,
        double offeredPerSecond,
        double achievedPerSecond,
        long requests,
        long errors,
        Double p50Ms,
        Double p90Ms,
        Double p99Ms,
        Double p999Ms,
        Double maxMs,
        String histogramFile,
        Map<String, Long> errorsByKind,
        Map<String, String> firstErrors,
        Double appCpuMsPerView,
        Double appwriteCpuMsPerView,
        Boolean sustained,
        String stopReason) {

    public LoadStep {
        errorsByKind = errorsByKind == null ? null : Collections.unmodifiableMap(new TreeMap<>(errorsByKind));
        firstErrors = firstErrors == null ? null : Collections.unmodifiableMap(new TreeMap<>(firstErrors));
        requireFiniteOrNull("appCpuMsPerView", appCpuMsPerView);
        requireFiniteOrNull("appwriteCpuMsPerView", appwriteCpuMsPerView);
    }

    /** A step as files before the error, CPU and stop fields had it (everything added later not recorded). */
    public static LoadStep latencyOnly(
            String variant,
            String target,
            double offeredPerSecond,
            double achievedPerSecond,
            long requests,
            long errors,
            Double p50Ms,
            Double p90Ms,
            Double p99Ms,
            Double p999Ms,
            Double maxMs,
            String histogramFile) {
        return new LoadStep(
                variant,
                target,
                offeredPerSecond,
                achievedPerSecond,
                requests,
                errors,
                p50Ms,
                p90Ms,
                p99Ms,
                p999Ms,
                maxMs,
                histogramFile,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** This step with the reason its ladder ended here. */
    public LoadStep withStopReason(String reason) {
        return new LoadStep(
                variant,
                target,
                offeredPerSecond,
                achievedPerSecond,
                requests,
                errors,
                p50Ms,
                p90Ms,
                p99Ms,
                p999Ms,
                maxMs,
                histogramFile,
                errorsByKind,
                firstErrors,
                appCpuMsPerView,
                appwriteCpuMsPerView,
                sustained,
                reason);
    }

    /** App + Appwrite CPU per page view, empty unless both were measured. */
    public Optional<Double> serverCpuMsPerView() {
        return appCpuMsPerView == null || appwriteCpuMsPerView == null
                ? Optional.empty()
                : Optional.of(appCpuMsPerView + appwriteCpuMsPerView);
    }

    private static void requireFiniteOrNull(String field, Double value) {
        if (value != null && (value.isNaN() || value.isInfinite() || value < 0)) {
            throw new IllegalArgumentException(
                    field + " must be a finite, non-negative number of milliseconds or absent" + " (not measured), was "
                            + value);
        }
    }
}
