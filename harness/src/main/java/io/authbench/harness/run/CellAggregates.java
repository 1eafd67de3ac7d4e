package io.authbench.harness.run;

import io.authbench.reports.results.Metric;
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
 * Per-cell-variant aggregates the engine adds once a profile's batch is over: an HdrHistogram log of the time to
 * content. (Server CPU needs none: each sample carries its own iteration's figure, read per thread in nanoseconds.)
 */
final class CellAggregates {
    /** Time to content in microseconds, up to an hour, 3 significant digits. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Map<Cell, Histogram> histograms = new LinkedHashMap<>();

    /** Records a measured (non-warm-up, ok) sample's time to content. */
    void record(Sample sample) {
        if (sample.warmup() || !sample.ok()) {
            return;
        }
        sample.metrics()
                .number(Metric.TIME_TO_CONTENT_MS)
                .ifPresent(ms -> histograms
                        .computeIfAbsent(
                                new Cell(sample.flow(), sample.profile(), sample.variant()),
                                k -> new Histogram(HIGHEST_MICROS, 3))
                        .recordValue(Math.max(0, Math.min(HIGHEST_MICROS, Math.round(ms * 1000)))));
    }

    /** Writes the histogram logs of {@code profile}'s cells and registers them with the writer. */
    void writeHistograms(String profile, RunFolder folder, ResultsWriter writer) {
        for (Map.Entry<Cell, Histogram> entry : histograms.entrySet()) {
            Cell cell = entry.getKey();
            if (!cell.profile().equals(profile)) {
                continue;
            }
            String name = folder.histogramName(cell.flow(), cell.profile(), cell.variant());
            try (PrintStream stream =
                    new PrintStream(Files.newOutputStream(folder.root().resolve(name)), true, "UTF-8")) {
                HistogramLogWriter log = new HistogramLogWriter(stream);
                log.outputComment("AuthBench time to content, " + cell.flow() + " / " + cell.profile() + " / "
                        + cell.variant() + ", values in microseconds");
                log.outputLogFormatVersion();
                log.outputLegend();
                log.outputIntervalHistogram(entry.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
            }
            writer.setHistogramFile(cell.flow(), cell.profile(), cell.variant(), name);
        }
    }

    /** One cell variant: the histogram's key (each part is free text, so no joined string could stand for it). */
    private record Cell(String flow, String profile, String variant) {}
}
