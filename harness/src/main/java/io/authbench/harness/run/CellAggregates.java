package io.authbench.harness.run;

import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ResultsWriter;
import io.authbench.reports.results.Sample;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Per-cell-variant aggregates the engine adds once a profile's batch is over: the server CPU per page view (the
 * batch's CPU divided by its iterations, because single page views are below the 10 ms tick of
 * {@code /proc/<pid>/stat}) and an HdrHistogram log of the time to content.
 */
final class CellAggregates {
    /** Time to content in microseconds, up to an hour, 3 significant digits. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Map<String, Histogram> histograms = new LinkedHashMap<>();

    /** Records a measured (non-warm-up, ok) sample's time to content. */
    void record(Sample sample) {
        if (sample.warmup() || !sample.ok()) {
            return;
        }
        sample.metrics().number(Metric.TIME_TO_CONTENT_MS).ifPresent(ms -> histograms
                .computeIfAbsent(key(sample.flow(), sample.profile(), sample.variant()), k -> new Histogram(HIGHEST_MICROS, 3))
                .recordValue(Math.max(0, Math.min(HIGHEST_MICROS, Math.round(ms * 1000)))));
    }

    /** Writes the histogram logs of {@code profile}'s cells and registers them with the writer. */
    void writeHistograms(String profile, RunFolder folder, ResultsWriter writer) {
        for (Map.Entry<String, Histogram> entry : histograms.entrySet()) {
            String[] parts = entry.getKey().split("\u0000");
            if (!parts[1].equals(profile)) {
                continue;
            }
            String name = folder.histogramName(parts[0], parts[1], parts[2]);
            try (PrintStream stream = new PrintStream(Files.newOutputStream(folder.root().resolve(name)), true, "UTF-8")) {
                HistogramLogWriter log = new HistogramLogWriter(stream);
                log.outputComment("AuthBench time to content, " + parts[0] + " / " + parts[1] + " / " + parts[2]
                        + ", values in microseconds");
                log.outputLogFormatVersion();
                log.outputLegend();
                log.outputIntervalHistogram(entry.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
            }
            writer.setHistogramFile(parts[0], parts[1], parts[2], name);
        }
    }

    /**
     * Replaces each sample's raw per-iteration CPU delta of {@code profile} by its cell variant's batch average
     * (sum over the measured samples ÷ their number).
     */
    static void applyBatchCpu(String profile, ResultsWriter writer) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Sample s : writer.current().samples()) {
            if (!s.profile().equals(profile) || s.warmup() || !s.ok()) {
                continue;
            }
            double[] acc = sums.computeIfAbsent(key(s.flow(), s.profile(), s.variant()), k -> new double[4]);
            s.metrics().number(Metric.SERVER_CPU_APP_MS).ifPresent(v -> { acc[0] += v; acc[1]++; });
            s.metrics().number(Metric.SERVER_CPU_APPWRITE_MS).ifPresent(v -> { acc[2] += v; acc[3]++; });
        }
        writer.updateSamples(s -> {
            double[] acc = sums.get(key(s.flow(), s.profile(), s.variant()));
            if (acc == null || s.warmup() || !s.ok()) {
                return s;
            }
            Metrics.Builder metrics = s.metrics().toBuilder();
            if (acc[1] > 0) {
                metrics.set(Metric.SERVER_CPU_APP_MS, acc[0] / acc[1]);
            }
            if (acc[3] > 0) {
                metrics.set(Metric.SERVER_CPU_APPWRITE_MS, acc[2] / acc[3]);
            }
            return s.withMetrics(metrics.build());
        });
    }

    private static String key(String flow, String profile, String variant) {
        return flow + "\u0000" + profile + "\u0000" + variant;
    }
}
