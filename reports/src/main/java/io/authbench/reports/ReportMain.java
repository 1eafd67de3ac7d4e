package io.authbench.reports;

import io.authbench.reports.calibration.AaCalibrationFile;
import io.authbench.reports.results.ResultsFormatException;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.stats.ReportModel;
import io.authbench.reports.writer.ConsoleSummary;
import io.authbench.reports.writer.ReportWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The report CLI: {@code java -jar reports.jar report DIR [--baseline FILE] [--aa-calibration FILE] [--out DIR]}, and
 * {@code aa-calibration --out FILE RUN...}, which summarises repeated A/A runs ({@link AaCalibrationCommand}).
 *
 * <p>Exit codes: 0 the report was written; 1 it could not be (bad or missing results, unwritable output);
 * 2 usage error (unknown flag, missing argument) — distinct so scripts can tell "you called it wrong" from
 * "the run is broken".
 */
public final class ReportMain {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private ReportMain() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Top())
                .addSubcommand(new CommandLine(new Report(out, err)))
                .addSubcommand(new CommandLine(new AaCalibrationCommand(out)))
                .setOut(out)
                .setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("reports: " + e.getMessage() + ". Run with --help for usage.");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            err.println("reports: "
                    + (e instanceof ResultsFormatException
                                    || e instanceof UncheckedIOException
                                    || e instanceof AaCalibrationFile.CalibrationFileException
                            ? e.getMessage()
                            : "internal error: " + e));
            err.flush();
            return FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Command(
            name = "reports",
            mixinStandardHelpOptions = true,
            version = "AuthBench reports, results schema " + RunResults.SCHEMA,
            description = "Turns an AuthBench run folder into report.html, summary.csv and a console summary.")
    static final class Top implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use 'report DIR'");
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "Writes report.html and summary.csv for a run folder and prints a short summary.")
    static final class Report implements Callable<Integer> {
        private final PrintWriter out;
        private final PrintWriter err;

        @Parameters(
                index = "0",
                paramLabel = "DIR",
                description = "the run folder (holding results.json) or a results.json file")
        Path run;

        @Option(
                names = "--baseline",
                paramLabel = "FILE",
                description = "an earlier run's results.json (or its folder): adds a per-cell comparison")
        Path baseline;

        @Option(
                names = "--aa-calibration",
                paramLabel = "FILE",
                description = "the measured A/A false-positive rate to show next to the A/A cell (written by"
                        + " scripts/aa-runs.sh); default: " + AaCalibrationFile.DEFAULT_NAME + " in the run folder's"
                        + " parent folder, if there is one")
        Path aaCalibration;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "where to write report.html and summary.csv (default: the run folder)")
        Path outDir;

        Report(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            ReportFiles files = ReportFiles.of(run, outDir);
            RunResults results = ResultsJson.read(files.results());
            if (results.samples().stream().noneMatch(s -> !s.warmup())) {
                throw new ResultsFormatException(files.results() + ": holds no measured samples (run status "
                        + results.run().status().code() + "); there is nothing to report yet.");
            }
            RunResults earlier = null;
            String baselineName = null;
            if (baseline != null) {
                Path baselineFile = ReportFiles.resultsOf(baseline);
                earlier = ResultsJson.read(baselineFile);
                baselineName = baselineFile + " (run " + earlier.run().id() + ")";
            }
            // Named: it must be readable (exit 1 otherwise). Found by default: a problem is shown, not fatal.
            AaCalibrationFile.Loaded calibration = aaCalibration != null
                    ? new AaCalibrationFile.Loaded(aaCalibration, AaCalibrationFile.read(aaCalibration), null)
                    : AaCalibrationFile.findFor(files.runDir());
            ReportModel model = ReportModel.of(results, earlier, baselineName);
            ReportWriter.write(model, files, calibration);
            out.print(ConsoleSummary.text(model));
            AaCalibrationCommand.consoleLine(calibration).ifPresent(out::println);
            out.println("report:  " + files.report().toAbsolutePath());
            out.println("summary: " + files.summaryCsv().toAbsolutePath());
            return OK;
        }
    }
}
