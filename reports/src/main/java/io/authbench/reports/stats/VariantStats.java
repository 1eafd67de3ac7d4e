package io.authbench.reports.stats;

import io.authbench.reports.results.CellSummaries;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.Sample;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Time to content of one variant in one cell, over its measured (non-warm-up) samples.
 *
 * @param variant  variant label
 * @param samples  measured samples (ok + failed)
 * @param failures failed samples
 * @param values   time to content of the ok samples, sorted ascending (ms)
 * @param blocks   per value, the block its sample ran in (-1: unknown, as in files without blocks)
 */
public record VariantStats(String variant, int samples, int failures, double[] values, int[] blocks) {

    public static VariantStats of(String variant, List<Sample> measured) {
        List<Sample> timed = measured.stream()
                .filter(s -> s.ok() && s.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS) != null)
                .sorted(Comparator.comparingDouble(s -> s.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS)))
                .toList();
        return new VariantStats(
                variant,
                measured.size(),
                (int) measured.stream().filter(s -> !s.ok()).count(),
                CellSummaries.values(timed, Metric.TIME_TO_CONTENT_MS),
                timed.stream().mapToInt(Sample::blockIndex).toArray());
    }

    public Double median() {
        return Quantiles.median(values);
    }

    public Double p90() {
        return Quantiles.of(values, 0.9);
    }

    public Double min() {
        return values.length == 0 ? null : values[0];
    }

    public Double max() {
        return values.length == 0 ? null : values[values.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariantStats v
                && variant.equals(v.variant)
                && samples == v.samples
                && failures == v.failures
                && Arrays.equals(values, v.values)
                && Arrays.equals(blocks, v.blocks);
    }

    @Override
    public int hashCode() {
        return variant.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "VariantStats[" + variant + ", n=" + samples + ", failures=" + failures + ", median=" + median() + "]";
    }
}
