package io.authbench.reports.results;

/**
 * One step of the constant-rate load ladder: latency at one offered rate (HdrHistogram, corrected for
 * coordinated omission by the phase that wrote it).
 *
 * @param variant             {@code ssr} or {@code csr}
 * @param target              what was requested, e.g. {@code GET /dashboard}
 * @param offeredPerSecond    requests per second the generator tried to send
 * @param achievedPerSecond   requests per second completed
 * @param requests            requests sent
 * @param errors              requests that failed or timed out
 * @param p50Ms               latency percentiles, milliseconds
 * @param p90Ms               90th percentile
 * @param p99Ms               99th percentile
 * @param p999Ms              99.9th percentile
 * @param maxMs               maximum
 * @param histogramFile       HdrHistogram log relative to the run folder, null if not kept
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
        String histogramFile) {
}
