package io.authbench.serverbench.load;

import io.authbench.serverbench.stack.ServerCpu;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Climbs offered rates for one variant until p99 passes the bound, errors appear or the target dies; records per
 * step the latency distribution, the errors by kind and the CPU each server process spent per page view.
 */
public final class LoadLadder {
    /** Share of the offered rate a step must achieve to count as sustained. */
    static final double SUSTAINED_SHARE = 0.95;

    private final LadderSettings settings;
    private final PrintStream progress;

    public LoadLadder(LadderSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * What is measured and where results go.
     *
     * @param variant      {@code ssr} or {@code csr}
     * @param view         the page view
     * @param appCpu       the app process's CPU, empty if not measurable (e.g. a remote app)
     * @param appwriteCpu  Appwrite's process CPU, empty if not measurable; both are split into JIT compilation and
     *                     the rest ({@link ServerCpu})
     * @param runFolder    the run folder; histogram logs go to {@code histogramDir} inside it (null = not written)
     * @param histogramDir folder relative to {@code runFolder} for the logs
     * @param targetCheck  called after each step; throws (with a sentence) if a server process died
     */
    public record Target(
            String variant,
            PageView view,
            Optional<ServerCpu> appCpu,
            Optional<ServerCpu> appwriteCpu,
            Path runFolder,
            String histogramDir,
            Runnable targetCheck) {}

    public LadderResult climb(Target target) {
        HttpClient client = ConstantRateLoad.newClient(settings.requestTimeout());
        List<LadderStep> steps = new ArrayList<>();
        if (!settings.warmup().isZero()) {
            progress.printf(
                    "  %s: warm-up %.0f/s for %d s%n",
                    target.variant(),
                    settings.ratesPerSecond().get(0),
                    settings.warmup().toSeconds());
            LoadOutcome warm = ConstantRateLoad.run(
                    target.view(), settings.step(settings.ratesPerSecond().get(0), settings.warmup()), client);
            if (warm.errorCount() > 0 && warm.succeeded() == 0) {
                return new LadderResult(
                        target.variant(), steps, "The warm-up failed: " + describeErrors(warm), true, null);
            }
        }
        Double sustained = null;
        for (double rate : settings.ratesPerSecond()) {
            Optional<ServerCpu.Sample> appBefore = target.appCpu().map(ServerCpu::sample);
            Optional<ServerCpu.Sample> appwriteBefore = target.appwriteCpu().map(ServerCpu::sample);
            LoadOutcome outcome =
                    ConstantRateLoad.run(target.view(), settings.step(rate, settings.stepDuration()), client);
            Optional<ServerCpu.Usage> appUsed = used(target.appCpu(), appBefore);
            Optional<ServerCpu.Usage> appwriteUsed = used(target.appwriteCpu(), appwriteBefore);
            String file = writeHistogram(target, rate, outcome.latencies());
            LadderStep step = new LadderStep(
                    target.variant(),
                    target.view().target(),
                    outcome,
                    perView(appUsed.map(ServerCpu.Usage::requestNanos), outcome),
                    perView(appwriteUsed.map(ServerCpu.Usage::requestNanos), outcome),
                    perView(appUsed.map(ServerCpu.Usage::compilerNanos), outcome),
                    perView(appwriteUsed.map(ServerCpu.Usage::compilerNanos), outcome),
                    file);
            steps.add(step);
            progress.println("  " + describe(step));

            try {
                target.targetCheck().run();
            } catch (RuntimeException e) {
                return new LadderResult(
                        target.variant(),
                        steps,
                        "Stopped at " + rate(rate) + ": " + firstLine(e.getMessage()),
                        true,
                        sustained);
            }
            Double p99 = outcome.percentileMillis(99);
            double errorRatio = outcome.sent() == 0 ? 1 : (double) outcome.errorCount() / outcome.sent();
            if (outcome.errorCount() > 0 && errorRatio > settings.maxErrorRatio()) {
                return new LadderResult(
                        target.variant(),
                        steps,
                        "Stopped at " + rate(rate) + " because page views failed: " + describeErrors(outcome) + ".",
                        true,
                        sustained);
            }
            if (outcome.hardLimitHit()) {
                return new LadderResult(
                        target.variant(),
                        steps,
                        "Stopped at " + rate(rate) + ": the step hit its time" + " limit with " + outcome.notSent()
                                + " page views not sent (the target is too slow to keep up).",
                        true,
                        sustained);
            }
            if (p99 == null || p99 > settings.p99BoundMillis()) {
                return new LadderResult(
                        target.variant(),
                        steps,
                        String.format(
                                Locale.ROOT,
                                "Stopped at %s: p99 %.1f ms passed the bound of %.1f ms.",
                                rate(rate),
                                p99 == null ? Double.NaN : p99,
                                settings.p99BoundMillis()),
                        false,
                        sustained);
            }
            if (outcome.achievedPerSecond() >= SUSTAINED_SHARE * rate) {
                sustained = rate;
                steps.set(steps.size() - 1, step.asSustained());
            }
        }
        return new LadderResult(
                target.variant(),
                steps,
                String.format(
                        Locale.ROOT,
                        "Every rate up to %s stayed under the p99 bound of %.1f ms; raise the ladder to find the limit.",
                        rate(settings.ratesPerSecond()
                                .get(settings.ratesPerSecond().size() - 1)),
                        settings.p99BoundMillis()),
                false,
                sustained);
    }

    private static Optional<ServerCpu.Usage> used(Optional<ServerCpu> cpu, Optional<ServerCpu.Sample> before) {
        return cpu.flatMap(c -> before.map(c::since));
    }

    /** Milliseconds per successful page view; null (not measured) without a reading or without a successful view. */
    private static Double perView(Optional<Long> nanos, LoadOutcome outcome) {
        if (nanos.isEmpty() || outcome.succeeded() == 0) {
            return null;
        }
        return nanos.get() / 1e6 / outcome.succeeded();
    }

    private String writeHistogram(Target target, double rate, Histogram latencies) {
        if (target.runFolder() == null) {
            return null;
        }
        String relative = target.histogramDir() + "/load-" + target.variant() + "-"
                + String.format(Locale.ROOT, "%05.0f", rate) + "ps.hlog";
        Path file = target.runFolder().resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputComment(
                        "AuthBench load step: variant " + target.variant() + ", offered " + rate(rate)
                                + ", latency in nanoseconds from each page view's intended start (coordinated omission corrected)");
                writer.outputLogFormatVersion();
                writer.outputLegend();
                writer.outputIntervalHistogram(latencies);
            }
            return relative;
        } catch (IOException e) {
            progress.println("  (could not write " + file + ": " + e.getMessage() + "; the step's figures are kept)");
            return null;
        }
    }

    static String describe(LadderStep step) {
        LoadOutcome o = step.outcome();
        return String.format(
                Locale.ROOT,
                "%s %s: achieved %.1f/s, p50 %s, p99 %s, max %s, errors %d%s, CPU/view app %s,"
                        + " Appwrite %s (JIT compilation besides: app %s, Appwrite %s)",
                step.variant(),
                rate(o.settings().ratePerSecond()),
                o.achievedPerSecond(),
                ms(o.percentileMillis(50)),
                ms(o.percentileMillis(99)),
                ms(o.maxMillis()),
                o.errorCount(),
                o.errorCount() == 0 ? "" : " " + step.errorsByKind(),
                ms(step.appCpuMsPerView()),
                ms(step.appwriteCpuMsPerView()),
                ms(step.appJitMsPerView()),
                ms(step.appwriteJitMsPerView()));
    }

    static String describeErrors(LoadOutcome outcome) {
        Map<ErrorKind, Long> errors = outcome.errors();
        String counts = errors.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().key())
                .collect(Collectors.joining(", "));
        String hint = errors.containsKey(ErrorKind.REFUSED)
                ? " (connections refused: the server is not listening any more)"
                : errors.containsKey(ErrorKind.RESET)
                        ? " (connections reset: the server closed them mid-request)"
                        : errors.containsKey(ErrorKind.TIMEOUT)
                                ? " (timeouts: the server stalled or is overloaded)"
                                : "";
        String first = outcome.firstErrors().values().stream()
                .findFirst()
                .map(m -> "; first: " + m)
                .orElse("");
        return counts + " of " + outcome.sent() + " sent" + hint + first;
    }

    private static String rate(double rate) {
        return String.format(Locale.ROOT, "%.0f/s", rate);
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f ms", value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "a server failed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
