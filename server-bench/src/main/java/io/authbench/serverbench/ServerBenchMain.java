package io.authbench.serverbench;

import io.authbench.serverbench.jmh.JmhSettings;
import io.authbench.serverbench.load.LadderResult;
import io.authbench.serverbench.load.LadderSettings;
import io.authbench.serverbench.stack.StackJars;
import io.authbench.support.SupportException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the server-side phase on its own:
 * {@code java -jar server-bench/target/server-bench.jar --out DIR [--quick] [--jmh-full]}.
 * Exit codes: 0 measured, 1 the phase could not run (the reason is one line on stderr), 2 bad command line.
 */
@Command(
        name = "server-bench",
        mixinStandardHelpOptions = true,
        version = "server-bench 0.1.0",
        description = "Measures what SSR and CSR page views cost the servers: JMH benchmarks with server CPU per"
                + " operation, then a constant-rate load ladder per variant.",
        sortOptions = false)
public final class ServerBenchMain implements Callable<Integer> {
    @Option(
            names = "--emulator-jar",
            paramLabel = "JAR",
            description = "appwrite-emulator's shaded jar (default: ${DEFAULT-VALUE})")
    Path emulatorJar = Path.of("appwrite-emulator/target/appwrite-emulator.jar");

    @Option(names = "--ssr-jar", paramLabel = "JAR", description = "ssr-app's shaded jar (default: ${DEFAULT-VALUE})")
    Path ssrJar = Path.of("ssr-app/target/ssr-app.jar");

    @Option(names = "--csr-jar", paramLabel = "JAR", description = "csr-app's shaded jar (default: ${DEFAULT-VALUE})")
    Path csrJar = Path.of("csr-app/target/csr-app.jar");

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "run folder; files go to DIR/server-bench (default: ${DEFAULT-VALUE})")
    Path out = Path.of("target/server-bench-run");

    @Option(
            names = "--quick",
            description = "quick settings (about a minute: sample-time mode at 1 thread, 2 s"
                    + " iterations, 3 ladder steps of 2 s)")
    boolean quick;

    @Option(names = "--jmh-full", description = "JMH's own defaults (5 forks, 5 × 10 s warm-up and measurement)")
    boolean jmhFull;

    @Option(
            names = "--p99-bound-ms",
            paramLabel = "MS",
            description =
                    "ladder stops when p99 passes this (default: " + ServerCostSettings.DEFAULT_P99_BOUND_MILLIS + ")")
    Double p99BoundMillis;

    @Option(names = "--rates", paramLabel = "R,R,...", split = ",", description = "ladder rates per second, climbing")
    List<Double> rates;

    @Option(names = "--step", paramLabel = "DURATION", description = "ladder step length, e.g. 10s or PT10S")
    String step;

    @Option(
            names = "--jmh-include",
            paramLabel = "REGEX",
            description = "only benchmarks matching, e.g. SsrBenchmarks.dashboard")
    String jmhInclude;

    @Option(
            names = "--jmh-threads",
            paramLabel = "N,N",
            split = ",",
            description = "JMH thread counts (default: 1 and " + "2 per core, at least 4)")
    List<Integer> jmhThreads;

    @Option(
            names = "--nextjs-dir",
            paramLabel = "DIR",
            description =
                    "also measure the Next.js apps next-ssr and"
                            + " next-csr: the project's nextjs folder, with both apps built (production builds, started with next start)")
    Path nextjsDir;

    @Option(names = "--no-jmh", description = "skip JMH")
    boolean noJmh;

    @Option(names = "--no-ladder", description = "skip the load ladder")
    boolean noLadder;

    private final PrintStream progress;

    ServerBenchMain(PrintStream progress) {
        this.progress = progress;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The testable entry point: exit code, progress on {@code out}, one-line problems on {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new ServerBenchMain(out));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("server-bench: " + e.getMessage() + ". Run with --help for usage.");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e instanceof IllegalArgumentException
                    ? "server-bench: " + e.getMessage() + " Run with --help for usage."
                    : "server-bench: " + e.getMessage();
            err.println(message);
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        ServerCostSettings settings = settings();
        Path runFolder = out.toAbsolutePath();
        ServerCostResult result;
        try {
            result = ServerCostPhase.run(settings, runFolder, progress);
        } catch (SupportException e) {
            throw new ServerBenchException(e.getMessage(), e);
        }
        Path summary = runFolder.resolve(ServerCostPhase.FOLDER).resolve("server-cost.json");
        ServerCostJson.write(result, summary);
        printFigures(result);
        progress.println("Results: " + summary
                + (result.jmhResultFile() == null ? "" : " and " + runFolder.resolve(result.jmhResultFile())));
        return 0;
    }

    ServerCostSettings settings() {
        StackJars jars = new StackJars(emulatorJar.toAbsolutePath(), ssrJar.toAbsolutePath(), csrJar.toAbsolutePath());
        ServerCostSettings settings = jmhFull
                ? ServerCostSettings.full(jars)
                : quick ? ServerCostSettings.quick(jars) : ServerCostSettings.standard(jars);
        if (p99BoundMillis != null) {
            settings = settings.withP99BoundMillis(p99BoundMillis);
        }
        LadderSettings ladder = settings.ladder();
        if (rates != null || step != null) {
            settings = settings.withLadder(new LadderSettings(
                    rates == null ? ladder.ratesPerSecond() : rates,
                    step == null ? ladder.stepDuration() : parseDuration("--step", step),
                    ladder.warmup(),
                    ladder.p99BoundMillis(),
                    ladder.maxErrorRatio(),
                    ladder.concurrency(),
                    ladder.requestTimeout()));
        }
        JmhSettings jmh = settings.jmh();
        if (jmhInclude != null) {
            jmh = jmh.withInclude(jmhInclude);
        }
        if (jmhThreads != null) {
            jmh = jmh.withThreads(jmhThreads);
        }
        return settings.withJmh(jmh).withPhases(!noJmh, !noLadder).withNextjs(nextjsFolder());
    }

    /**
     * The {@code --nextjs-dir} folder, checked to be the project's nextjs folder; whether the apps are built is checked
     * when they start (an app that cannot start is a note, its variant is not measured).
     */
    Path nextjsFolder() {
        if (nextjsDir == null) {
            return null;
        }
        Path folder = nextjsDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--nextjs-dir: " + folder + " is not a folder; give the project's nextjs"
                    + " folder, e.g. --nextjs-dir nextjs.");
        }
        for (String app : List.of("ssr", "csr")) {
            if (!Files.isRegularFile(folder.resolve(app).resolve("target.json"))) {
                throw new IllegalArgumentException(
                        "--nextjs-dir: " + folder + " has no " + app + "/target.json; give the"
                                + " project's nextjs folder (it holds ssr/ and csr/), e.g. --nextjs-dir nextjs.");
            }
        }
        return folder;
    }

    static Duration parseDuration(String flag, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
        } catch (RuntimeException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(
                flag + ": '" + text + "' is not a duration; write e.g. 10s, 500ms or PT10S.");
    }

    private void printFigures(ServerCostResult result) {
        progress.println("Figures:");
        for (String variant :
                result.ladders().stream().map(LadderResult::variant).toList()) {
            result.serverCpuPerPageViewMillis(variant)
                    .ifPresent(cpu -> progress.printf(
                            Locale.ROOT,
                            "  %s server CPU per page view (app + Appwrite, highest sustained step): %.3f ms%n",
                            variant.toUpperCase(Locale.ROOT),
                            cpu));
            result.ladder(variant)
                    .map(LadderResult::highestSustainedPerSecond)
                    .ifPresent(rate -> progress.printf(
                            Locale.ROOT,
                            "  %s highest rate sustained with p99 under the bound: %.0f/s%n",
                            variant.toUpperCase(Locale.ROOT),
                            rate));
        }
        result.jmhSamples().stream()
                .filter(s -> s.benchmark().equals("AppwriteSdkBenchmarks.accountGet") && s.threads() == 1)
                .forEach(s -> progress.printf(
                        Locale.ROOT, "  GET /v1/account through the SDK, 1 thread: p50 %.3f ms%n", s.p50Ms()));
        result.jmhSamples().stream()
                .filter(s -> s.benchmark().equals("AppwriteSdkBenchmarks.accountGetPlainHttp") && s.threads() == 1)
                .forEach(s -> progress.printf(
                        Locale.ROOT,
                        "  GET /v1/account without the SDK (plain OkHttp), 1 thread:" + " p50 %.3f ms%n",
                        s.p50Ms()));
        result.notes().forEach(note -> progress.println("  note: " + note));
    }
}
