package io.authbench.serverbench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.authbench.reports.results.JmhResult;
import io.authbench.serverbench.ServerBenchException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the server benchmarks through JMH's {@link Runner} (forked JVMs that reach the running servers through a
 * {@link ForkHandoffFile}) with the {@link ServerCpuProfiler}, once per thread count, and merges JMH's JSON results into
 * one {@code jmh-result.json}.
 */
public final class JmhPhase {
    /** Forks get a small heap: they are HTTP clients. */
    static final String FORK_HEAP = "-Xmx256m";

    private final JmhSettings settings;
    private final PrintStream progress;

    /** What the phase produced. */
    public record Outcome(List<JmhResult> results, List<JmhSampleFigure> samples, List<String> notes) {}

    public JmhPhase(JmhSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param targetFile  written by {@link ForkHandoffFile#write}
     * @param pids        {@link ServerCpuProfiler#pidsValue} of the server processes (empty = CPU not measured)
     * @param outputDir   where {@code jmh-result.json} and JMH's human-readable output go
     */
    public Outcome run(Path targetFile, String pids, Path outputDir) {
        return run(targetFile, pids, outputDir, BUNDLED);
    }

    /** The variants of the bundled apps and Appwrite's own benchmarks: what runs without the Next.js apps. */
    public static final Set<String> BUNDLED = Set.of("ssr", "csr", "appwrite");

    /**
     * As {@link #run(Path, String, Path)}, only the benchmarks of {@code variants} ({@link #variantOf}: the apps
     * that run in this phase, and {@code appwrite}).
     */
    public Outcome run(Path targetFile, String pids, Path outputDir, Set<String> variants) {
        List<JmhResult> results = new ArrayList<>();
        List<JmhSampleFigure> samples = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ArrayNode merged = JSON.createArrayNode();
        List<String> selected = BenchmarkNames.names(settings.include()).stream()
                .filter(name -> variants.contains(variantOf(name)))
                .toList();
        Pattern slow = Pattern.compile(JmhSettings.SLOW);
        Pattern sdk = Pattern.compile(JmhSettings.SDK);
        List<Group> groups = List.of(
                new Group(
                        "",
                        selected.stream()
                                .filter(n -> !slow.matcher(n).find()
                                        && !sdk.matcher(n).find())
                                .toList(),
                        settings.fast()),
                new Group(
                        "-sdk",
                        selected.stream().filter(n -> sdk.matcher(n).find()).toList(),
                        settings.sdk()),
                new Group(
                        "-logins",
                        selected.stream().filter(n -> slow.matcher(n).find()).toList(),
                        settings.slow()));
        for (int threads : settings.threads()) {
            for (Group group : groups) {
                if (group.benchmarks().isEmpty()) {
                    continue;
                }
                Path json = outputDir.resolve("jmh-result-" + threads + "t" + group.suffix() + ".json");
                Path log = outputDir.resolve("jmh-output-" + threads + "t" + group.suffix() + ".txt");
                progress.printf(
                        "  JMH at %d thread%s, %d benchmark(s) × %d mode(s) (%s; JMH's own output: %s)%n",
                        threads,
                        threads == 1 ? "" : "s",
                        group.benchmarks().size(),
                        settings.modes().size(),
                        describe(group.iterations()),
                        log.getFileName());
                Collection<RunResult> runs;
                try {
                    runs = new Runner(options(threads, group, targetFile, pids, json, log)
                                    .build())
                            .run();
                } catch (RunnerException e) {
                    throw new ServerBenchException(
                            "JMH could not run the server benchmarks: " + e.getMessage() + " (details in " + log + ").",
                            e);
                }
                for (RunResult run : runs) {
                    JmhResult result = toResult(run);
                    results.add(result);
                    progress.printf(
                            Locale.ROOT,
                            "    %-52s %-6s %2d thr: %10.3f %s%s%n",
                            result.benchmark(),
                            result.mode(),
                            threads,
                            result.score(),
                            result.unit(),
                            cpu(run));
                    sampleFigure(run).ifPresent(samples::add);
                }
                long expected =
                        (long) group.benchmarks().size() * settings.modes().size();
                if (runs.size() < expected) {
                    notes.add("JMH at " + threads + " thread(s): " + (expected - runs.size())
                            + " benchmark run(s) failed" + " and have no result; see " + log + ".");
                }
                append(merged, json);
            }
        }
        writeMerged(merged, outputDir.resolve("jmh-result.json"));
        return new Outcome(results, samples, notes);
    }

    /** Benchmarks that share iteration settings; {@code suffix} names their output files. */
    record Group(String suffix, List<String> benchmarks, JmhSettings.Iterations iterations) {}

    ChainedOptionsBuilder options(int threads, Group group, Path targetFile, String pids, Path json, Path log) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .threads(threads)
                .timeUnit(TimeUnit.MILLISECONDS)
                .addProfiler(ServerCpuProfiler.class)
                .jvmArgsAppend(
                        FORK_HEAP,
                        "-D" + ForkHandoffFile.PROPERTY + "=" + targetFile,
                        "-D" + ServerCpuProfiler.PIDS_PROPERTY + "=" + pids)
                .shouldFailOnError(false)
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON)
                .output(log.toString());
        for (String benchmark : group.benchmarks()) {
            options = options.include("^" + Pattern.quote(benchmark) + "$");
        }
        for (Mode mode : settings.modes()) {
            options = options.mode(mode);
        }
        if (settings.forks() != null) {
            options = options.forks(settings.forks());
        }
        JmhSettings.Iterations it = group.iterations();
        if (it.warmups() != null) {
            options = options.warmupIterations(it.warmups());
        }
        if (it.warmupTime() != null && !it.warmupTime().isZero()) {
            options = options.warmupTime(TimeValue.milliseconds(it.warmupTime().toMillis()));
        }
        if (it.measurements() != null) {
            options = options.measurementIterations(it.measurements());
        }
        if (it.measurementTime() != null) {
            options = options.measurementTime(
                    TimeValue.milliseconds(it.measurementTime().toMillis()));
        }
        return options;
    }

    static JmhResult toResult(RunResult run) {
        BenchmarkParams params = run.getParams();
        Result<?> primary = run.getPrimaryResult();
        Map<String, Result> secondary = run.getSecondaryResults();
        double error = primary.getScoreError();
        return new JmhResult(
                shortName(params.getBenchmark()),
                variantOf(params.getBenchmark()),
                params.getMode().shortLabel(),
                params.getThreads(),
                primary.getScore(),
                Double.isNaN(error) ? null : error,
                primary.getScoreUnit(),
                Map.of(),
                score(secondary.get(ServerCpuProfiler.APP)),
                score(secondary.get(ServerCpuProfiler.APPWRITE)));
    }

    private static Optional<JmhSampleFigure> sampleFigure(RunResult run) {
        if (run.getParams().getMode() != Mode.SampleTime) {
            return Optional.empty();
        }
        Statistics stats = run.getPrimaryResult().getStatistics();
        return Optional.of(new JmhSampleFigure(
                shortName(run.getParams().getBenchmark()),
                run.getParams().getThreads(),
                stats.getPercentile(50),
                stats.getPercentile(90),
                stats.getPercentile(99),
                stats.getN()));
    }

    private static Double score(Result<?> result) {
        return result == null || Double.isNaN(result.getScore()) ? null : result.getScore();
    }

    /** {@code io.authbench.serverbench.jmh.SsrBenchmarks.dashboard} → {@code SsrBenchmarks.dashboard}. */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /**
     * {@code ssr}, {@code csr}, {@code next-ssr}, {@code next-csr} or {@code appwrite}, from the class's
     * {@link ServerUnderTest}.
     */
    static String variantOf(String benchmark) {
        try {
            ServerUnderTest declared = Class.forName(benchmark.substring(0, benchmark.lastIndexOf('.')))
                    .getAnnotation(ServerUnderTest.class);
            return declared == null ? "appwrite" : declared.app().variant();
        } catch (ClassNotFoundException e) {
            return "appwrite";
        }
    }

    /** The profiler's figures of a run, for the progress line (JIT and client only when measured). */
    private static String cpu(RunResult run) {
        Map<String, Result> secondary = run.getSecondaryResults();
        StringBuilder text = new StringBuilder();
        appendCpu(text, "app CPU", secondary.get(ServerCpuProfiler.APP), secondary.get(ServerCpuProfiler.APP_JIT));
        appendCpu(
                text,
                "Appwrite CPU",
                secondary.get(ServerCpuProfiler.APPWRITE),
                secondary.get(ServerCpuProfiler.APPWRITE_JIT));
        Double client = score(secondary.get(ServerCpuProfiler.CLIENT));
        if (client != null) {
            text.append(String.format(Locale.ROOT, "  client CPU %.3f ms/op", client));
        }
        return text.toString();
    }

    private static void appendCpu(StringBuilder text, String label, Result<?> cpu, Result<?> jit) {
        Double value = score(cpu);
        if (value == null) {
            return;
        }
        Double compiling = score(jit);
        text.append(String.format(Locale.ROOT, "  %s %.3f ms/op", label, value));
        if (compiling != null) {
            text.append(String.format(Locale.ROOT, " (+ JIT %.3f)", compiling));
        }
    }

    private String describe(JmhSettings.Iterations iterations) {
        return (settings.forks() == null ? "JMH default forks" : settings.forks() + " fork") + ", "
                + iterations.describe();
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static void append(ArrayNode merged, Path json) {
        if (!Files.isRegularFile(json)) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(json.toFile());
            if (node != null && node.isArray()) {
                merged.addAll((ArrayNode) node);
            }
            Files.delete(json);
        } catch (IOException e) {
            throw new ServerBenchException("Cannot read JMH's result file " + json + " (" + e.getMessage() + ").", e);
        }
    }

    private static void writeMerged(ArrayNode merged, Path file) {
        try {
            JSON.writeValue(file.toFile(), merged);
        } catch (IOException e) {
            throw new ServerBenchException(
                    "Cannot write " + file + " (" + e.getMessage() + "). Check the run folder.", e);
        }
    }
}
