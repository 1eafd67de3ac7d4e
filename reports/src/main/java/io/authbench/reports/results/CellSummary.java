package io.authbench.reports.results;

import java.util.Map;

/**
 * The summary of one variant in one cell (flow × profile), over its measured (non-warm-up) samples.
 * Derived data: {@link CellSummaries#of} recomputes it from the samples; it is stored so that users of
 * results.json need not recompute it. Percentiles follow {@link Quantiles}.
 *
 * @param flow          flow name
 * @param profile       profile name
 * @param variant       variant label
 * @param samples       measured samples (ok + failed)
 * @param failures      failed samples
 * @param medianMs      time to content: median over ok samples; null if none
 * @param p90Ms         time to content: 90th percentile
 * @param minMs         time to content: minimum
 * @param maxMs         time to content: maximum
 * @param meanMs        time to content: arithmetic mean
 * @param medians       median of every other numeric metric over ok samples, by JSON key
 * @param histogramFile HdrHistogram log of this cell relative to the run folder, null if none
 */
public record CellSummary(
        String flow,
        String profile,
        String variant,
        int samples,
        int failures,
        Double medianMs,
        Double p90Ms,
        Double minMs,
        Double maxMs,
        Double meanMs,
        Map<String, Double> medians,
        String histogramFile) {

    public CellSummary {
        medians = medians == null ? Map.of() : Map.copyOf(medians);
    }

    /** Ok samples. */
    public int okSamples() {
        return samples - failures;
    }
}
