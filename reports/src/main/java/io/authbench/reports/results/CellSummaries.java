package io.authbench.reports.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes {@link CellSummary} entries from samples; the writer calls it on every write. */
public final class CellSummaries {
    private CellSummaries() {}

    /** A cell variant's identity. */
    public record Key(String flow, String profile, String variant) {}

    /**
     * One summary per flow × profile × variant that has measured samples, in order of first appearance.
     *
     * @param histogramFiles optional histogram log per key (may be empty)
     */
    public static List<CellSummary> of(List<Sample> samples, Map<Key, String> histogramFiles) {
        Map<Key, List<Sample>> byKey = new LinkedHashMap<>();
        for (Sample sample : samples) {
            if (!sample.warmup()) {
                byKey.computeIfAbsent(
                                new Key(sample.flow(), sample.profile(), sample.variant()), k -> new ArrayList<>())
                        .add(sample);
            }
        }
        List<CellSummary> cells = new ArrayList<>();
        byKey.forEach((key, list) -> cells.add(summarise(key, list, histogramFiles.get(key))));
        return cells;
    }

    private static CellSummary summarise(Key key, List<Sample> samples, String histogramFile) {
        int failures = (int) samples.stream().filter(s -> !s.ok()).count();
        List<Sample> ok = samples.stream().filter(Sample::ok).toList();
        double[] ttc = values(ok, Metric.TIME_TO_CONTENT_MS);
        Map<String, Double> medians = new TreeMap<>();
        for (Metric metric : Metric.values()) {
            if (metric != Metric.TIME_TO_CONTENT_MS && !metric.isFlag()) {
                Double median = Quantiles.median(values(ok, metric));
                if (median != null) {
                    medians.put(metric.key(), median);
                }
            }
        }
        Double min = null;
        Double max = null;
        Double mean = null;
        if (ttc.length > 0) {
            double sum = 0;
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (double v : ttc) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            mean = sum / ttc.length;
        }
        return new CellSummary(
                key.flow(),
                key.profile(),
                key.variant(),
                samples.size(),
                failures,
                Quantiles.median(ttc),
                Quantiles.of(ttc, 0.9),
                min,
                max,
                mean,
                medians,
                histogramFile);
    }

    /** The values of {@code metric} over the samples that measured it, in sample order. */
    public static double[] values(List<Sample> samples, Metric metric) {
        return samples.stream()
                .map(s -> s.metrics().numberOrNull(metric))
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .toArray();
    }
}
