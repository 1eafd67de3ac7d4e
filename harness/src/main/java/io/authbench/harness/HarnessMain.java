package io.authbench.harness;

import io.authbench.harness.cli.RunCommand;
import io.authbench.harness.cli.UsageException;
import io.authbench.harness.run.BenchmarkEngine;
import io.authbench.reports.ReportMain;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar harness/target/authbench.jar run ...}: the benchmark CLI.
 *
 * <p>Exit codes: 0 the run completed, 1 the run failed (a child died, every sample of a variant failed, an I/O
 * error), 2 bad usage (unknown option, bad value, missing jar).
 */
@Command(
        name = "authbench",
        mixinStandardHelpOptions = true,
        version = "AuthBench harness 0.1.0",
        description = "Benchmarks SSR vs CSR authentication with Appwrite in a real Chromium.",
        subcommands = {HarnessMain.ReportCommand.class, HarnessMain.AaCalibrationCommand.class})
public final class HarnessMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /** The testable entry point: parses {@code args}, runs, and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, options -> new BenchmarkEngine(out, err).run(options));
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)} with the engine replaced (CLI tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, RunCommand.Runner runner) {
        if (args.length > 0 && (args[0].equals("report") || args[0].equals("aa-calibration"))) {
            // The report and the A/A summary are the reports module's CLI; it owns their flags, help and exit codes.
            return ReportMain.run(args, out, err);
        }
        CommandLine commandLine = new CommandLine(new HarnessMain());
        commandLine.addSubcommand(new CommandLine(new RunCommand(runner)));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            err.println("authbench: " + ex.getMessage() + ". Run with --help for usage.");
            err.flush();
            return 2;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UsageException) {
                err.println("authbench: " + ex.getMessage() + " Run 'authbench " + cmd.getCommandName()
                        + " --help' for usage.");
                err.flush();
                return 2;
            }
            err.println("authbench: " + describe(ex));
            err.flush();
            return 1;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a subcommand: the usage, and exit 2 so a script notices. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("authbench: say what to do, e.g. 'authbench run --quick'.");
        spec.commandLine().usage(err);
        return 2;
    }

    /** Listed in the usage only: {@link #run} hands {@code report ...} to the reports module before parsing. */
    @Command(
            name = "report",
            description = "Write report.html and summary.csv for a run folder "
                    + "(the reports module's CLI; 'authbench report --help' shows its options).")
    static final class ReportCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return ReportMain.run(
                    new String[] {"report", "--help"},
                    new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true));
        }
    }

    /** Listed in the usage only: {@link #run} hands {@code aa-calibration ...} to the reports module. */
    @Command(
            name = "aa-calibration",
            description = "Summarise repeated A/A runs into the measured A/A false-positive rate (scripts/aa-runs.sh"
                    + " calls it; 'authbench aa-calibration --help' shows its options).")
    static final class AaCalibrationCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return ReportMain.run(
                    new String[] {"aa-calibration", "--help"},
                    new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true));
        }
    }

    private static String describe(Exception ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }
}
