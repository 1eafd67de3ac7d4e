package io.authbench.reports;

import io.authbench.reports.calibration.AaCalibration;
import io.authbench.reports.calibration.AaCalibrationFile;
import io.authbench.reports.calibration.AaCalibrations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aa-calibration --out FILE [--command TEXT] RUN...}: summarises repeated A/A runs into the calibration file the
 * report shows next to the A/A cell ({@code scripts/aa-runs.sh} runs it after its runs). Exit 0 with at least one
 * usable run, 1 with none (the file is still written, with each run's reason), 2 for bad usage.
 */
@Command(
        name = "aa-calibration",
        mixinStandardHelpOptions = true,
        description = "Summarises repeated A/A runs: how often the A/A cell's 95 %% interval excluded 1 (the"
                + " false-positive rate), with its exact binomial 95 %% interval, as JSON.")
final class AaCalibrationCommand implements Callable<Integer> {
    private final PrintWriter out;
    private final Clock clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "RUN",
            description = "run folders (or results.json files) of A/A runs, at most " + AaCalibration.MAX_RUNS)
    List<Path> runs;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            required = true,
            description = "the summary to write (JSON), e.g. target/" + AaCalibrationFile.DEFAULT_NAME)
    Path file;

    @Option(
            names = "--command",
            paramLabel = "TEXT",
            defaultValue = "not stated",
            description = "how the runs were made, recorded in the summary (default: ${DEFAULT-VALUE})")
    String command;

    AaCalibrationCommand(PrintWriter out) {
        this(out, Clock.systemUTC());
    }

    AaCalibrationCommand(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (runs.size() > AaCalibration.MAX_RUNS) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    runs.size() + " runs given, at most " + AaCalibration.MAX_RUNS + " are summarised at once");
        }
        AaCalibration calibration = AaCalibrations.summarize(AaCalibrations.read(runs), command, clock.instant());
        AaCalibrationFile.write(calibration, file);
        calibration.outcomes().stream()
                .filter(o -> !o.usable())
                .forEach(o -> out.println("not usable: " + o.run() + ": " + o.notUsable()));
        out.println(line(calibration, file));
        return calibration.runs() == 0 ? ReportMain.FAILED : ReportMain.OK;
    }

    /** The console line of a report that found a calibration, or of a file it could not use. */
    static Optional<String> consoleLine(AaCalibrationFile.Loaded loaded) {
        if (loaded.problem() != null) {
            return Optional.of("A/A calibration not used: " + loaded.problem());
        }
        return Optional.ofNullable(loaded.calibration()).map(c -> line(c, loaded.file()));
    }

    static String line(AaCalibration c, Path file) {
        if (c.runs() == 0) {
            return "A/A false-positive rate: not measured (no usable run of " + c.notUsable() + "), " + file;
        }
        return String.format(
                Locale.ROOT,
                "A/A false-positive rate: %d of %d runs (%.1f %%, 95 %% interval %.1f–%.1f %%), %s",
                c.falsePositives(),
                c.runs(),
                c.rate() * 100,
                c.rateLow() * 100,
                c.rateHigh() * 100,
                file);
    }
}
