package io.authbench.reports.calibration;

import io.authbench.reports.ReportFiles;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.ResultsFormatException;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.Comparisons;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Summarises repeated A/A runs into an {@link AaCalibration}: per run, whether the A/A cell's 95 % interval (as the
 * report computes it, {@link Comparisons}) contains 1; over the usable runs, the share that did not (the
 * false-positive rate) with its exact binomial interval.
 *
 * <p>A run is usable when its results.json reads, its status is {@code complete} and it has an A/A cell with at least
 * one complete pair. Runs that are not are listed with the reason and left out of the rate (they say nothing about
 * the interval), never silently dropped.
 */
public final class AaCalibrations {
    private AaCalibrations() {}

    /**
     * One run to summarise: its results, or why they could not be read.
     *
     * @param run        the run folder as the caller named it
     * @param results    its results; null when they could not be read
     * @param unreadable why not; null when they could
     */
    public record Input(String run, RunResults results, String unreadable) {}

    /** Reads each folder's results.json; a missing or broken file becomes a not-usable run with the reason. */
    public static List<Input> read(List<Path> runFolders) {
        List<Input> inputs = new ArrayList<>();
        for (Path folder : runFolders) {
            try {
                inputs.add(new Input(folder.toString(), ResultsJson.read(ReportFiles.resultsOf(folder)), null));
            } catch (ResultsFormatException | UncheckedIOException e) {
                inputs.add(new Input(folder.toString(), null, e.getMessage()));
            }
        }
        return inputs;
    }

    /**
     * @param runs    at most {@value AaCalibration#MAX_RUNS}
     * @param command how the runs were made, recorded as given
     * @param date    when the summary is made
     */
    public static AaCalibration summarize(List<Input> runs, String command, Instant date) {
        if (runs.isEmpty() || runs.size() > AaCalibration.MAX_RUNS) {
            throw new IllegalArgumentException("between 1 and " + AaCalibration.MAX_RUNS + " runs, not " + runs.size());
        }
        List<AaRunOutcome> outcomes = runs.stream().map(AaCalibrations::outcome).toList();
        List<RunResults> read =
                runs.stream().map(Input::results).filter(Objects::nonNull).toList();
        int usable = (int) outcomes.stream().filter(AaRunOutcome::usable).count();
        int falsePositives =
                (int) outcomes.stream().filter(AaRunOutcome::falsePositive).count();
        double[] interval = usable == 0 ? null : ClopperPearson.interval(falsePositives, usable);
        return new AaCalibration(
                AaCalibration.SCHEMA,
                date,
                distinct(read.stream()
                        .map(r ->
                                r.environment() == null ? null : r.environment().gitCommit())
                        .toList()),
                distinct(read.stream().map(r -> machine(r.environment())).toList()),
                command,
                distinct(read.stream()
                        .filter(r -> r.run().config().aaFlow() != null)
                        .map(AaCalibrations::settings)
                        .toList()),
                usable,
                falsePositives,
                usable == 0 ? null : (double) falsePositives / usable,
                interval == null ? null : interval[0],
                interval == null ? null : interval[1],
                outcomes.size() - usable,
                outcomes);
    }

    /**
     * How a run's A/A cell was measured, e.g. {@code login × loopback, 10 pairs, 1 warm-up, quick}: the report
     * compares it with its own run's, since the rate holds for runs made like the calibration's.
     */
    public static String settings(RunResults results) {
        Run run = results.run();
        String profile = run.config().profiles().isEmpty()
                ? "?"
                : run.config().profiles().get(0);
        return run.config().aaFlow() + " × " + profile + ", " + run.config().pairs() + " pairs, "
                + run.config().warmupPairs() + " warm-up" + (run.quick() ? ", quick" : "");
    }

    private static AaRunOutcome outcome(Input input) {
        if (input.results() == null) {
            return AaRunOutcome.notUsable(input.run(), null, input.unreadable());
        }
        RunResults results = input.results();
        String id = results.run().id();
        if (results.run().status() != RunStatus.COMPLETE) {
            return AaRunOutcome.notUsable(
                    input.run(), id, "the run is " + results.run().status().code() + ", not complete");
        }
        List<CellComparison> aa = Comparisons.of(results).aa();
        if (aa.isEmpty()) {
            return AaRunOutcome.notUsable(input.run(), id, "no A/A cell (run with --aa-flow=FLOW)");
        }
        // One A/A cell per run (the first profile's); should a run hold more, the first is the one run like the rest.
        CellComparison cell = aa.get(0);
        if (cell.interval() == null || cell.ratio() == null) {
            return AaRunOutcome.notUsable(input.run(), id, "the A/A cell has no complete pair");
        }
        return new AaRunOutcome(
                input.run(),
                id,
                cell.flow(),
                cell.profile(),
                cell.pairs(),
                cell.ratio(),
                cell.interval().low(),
                cell.interval().high(),
                cell.interval().contains(1.0),
                null);
    }

    private static String machine(Environment e) {
        if (e == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (e.cpuModel() != null) {
            parts.add(e.cpuModel());
        }
        if (e.cores() != null) {
            parts.add(e.cores() + " cores");
        }
        if (e.memoryBytes() != null) {
            parts.add(String.format(Locale.ROOT, "%.1f GiB", e.memoryBytes() / (double) (1L << 30)));
        }
        if (e.os() != null) {
            parts.add(e.os());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** The distinct non-null values in order, joined by "; ", or "unknown". */
    private static String distinct(List<String> values) {
        Set<String> seen =
                values.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        return seen.isEmpty() ? "unknown" : String.join("; ", seen);
    }
}
