package io.authbench.serverbench;

import io.authbench.serverbench.jmh.JmhSettings;
import io.authbench.serverbench.load.LadderSettings;
import io.authbench.serverbench.stack.StackJars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;

/**
 * Everything that shapes the server-side phase. Start from {@link #quick}, {@link #standard} or {@link #full} and
 * adjust with the {@code with...} copies. The wall times are what the settings were built
 * for on a 2-core machine (server-bench/README.md has the measured ones).
 *
 * <table>
 * <caption>The three settings</caption>
 * <tr><th></th><th>quick (≈ 1 min)</th><th>standard ({@code -Pbench}, ≤ 4 min)</th>
 *     <th>full ({@code --jmh-full}; under Maven {@code -Dbench.jmh.full=true})</th></tr>
 * <tr><td>JMH modes, threads</td><td>sample time; 1</td><td colspan="2">throughput and sample time; 1 and
 *     {@link JmhSettings#contendedThreads()}</td></tr>
 * <tr><td>fast benchmarks</td><td>1 fork, 1 × 2 s warm-up, 1 × 2 s</td><td>1 fork, 1 × 1 s warm-up, 2 × 1 s</td>
 *     <td rowspan="3">JMH defaults: 5 forks, 5 × 10 s, 5 × 10 s</td></tr>
 * <tr><td>{@code account.get()}, SDK and plain</td><td>1 fork, 3 × 2 s warm-up, 1 × 2 s</td><td>1 fork, 3 × 2 s warm-up,
 *     2 × 1 s</td></tr>
 * <tr><td>login benchmarks</td><td>1 fork, no warm-up, 1 × 2 s</td><td>1 fork, no warm-up, 1 × 2 s</td></tr>
 * <tr><td>ladder</td><td>50, 200, 800 /s; 2 s steps, no warm-up</td><td colspan="2">50, 100, 200, 400, 800, 1600
 *     /s; 3 s steps, 2 s warm-up</td></tr>
 * <tr><td>stop</td><td colspan="3">p99 over 50 ms, any failed page view, a step over its time limit, a dead server</td></tr>
 * <tr><td>server warm-up</td><td>4 s</td><td>10 s</td><td>30 s</td></tr>
 * <tr><td>users</td><td>2 page-view + 1 login</td><td>4 + 2</td><td>20 + 4</td></tr>
 * </table>
 *
 * @param name          {@code quick}, {@code standard} or {@code full}, recorded with the results
 * @param jars          the servers' jars (used when the phase starts the servers itself)
 * @param serverWarmup  SSR and CSR page views at {@value #WARMUP_RATE}/s each, side by side, before anything is
 *                      measured, so the servers' JIT compilation (which burns CPU that would be charged to the first
 *                      benchmarks) is mostly done
 * @param jmh           JMH settings
 * @param ladder        ladder settings (the same for both variants)
 * @param pageViewUsers users signed in for page views (both variants share them)
 * @param loginUsers    users for the login benchmarks
 * @param runJmh        whether to run JMH
 * @param runLadder     whether to run the load ladder
 * @param nextjsDir     the project's {@code nextjs} folder: the phase also starts and measures the Next.js apps
 *                      {@code next-ssr} and {@code next-csr} from it; null = only the bundled apps
 */
public record ServerCostSettings(
        String name,
        StackJars jars,
        Duration serverWarmup,
        JmhSettings jmh,
        LadderSettings ladder,
        int pageViewUsers,
        int loginUsers,
        boolean runJmh,
        boolean runLadder,
        Path nextjsDir) {
    /** Default p99 bound of the ladder. */
    public static final double DEFAULT_P99_BOUND_MILLIS = 50;

    static final int LOAD_CLIENTS = 64;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Page views per second of the server warm-up, per variant. */
    public static final int WARMUP_RATE = 100;
    /**
     * Page views per second of a Next.js app's warm-up. Lower than {@link #WARMUP_RATE}: a Next.js SSR page costs
     * milliseconds of CPU on one Node.js thread, so 100/s on a busy 2-core machine only queues views until they time
     * out; the warm-up is for V8's and the JVMs' compilers, not a load test.
     */
    public static final int NEXT_WARMUP_RATE = 20;

    public ServerCostSettings {
        if (serverWarmup == null || serverWarmup.isNegative()) {
            throw new IllegalArgumentException(
                    "The server warm-up must be zero or positive, was " + serverWarmup + ".");
        }
        if (pageViewUsers < 1 || loginUsers < 1) {
            throw new IllegalArgumentException("At least one page-view user and one login user are needed.");
        }
    }

    private static List<Integer> bothThreadCounts() {
        return List.of(1, JmhSettings.contendedThreads());
    }

    private static final List<Mode> BOTH_MODES = List.of(Mode.Throughput, Mode.SampleTime);
    /**
     * No warm-up: a login is ≈ 0.3 s of argon2 (seconds when 4 threads queue on 2 cores), which the seeding has
     * already run a dozen times, and every iteration lasts until its last login ends; then 2 s.
     */
    private static final JmhSettings.Iterations LOGINS =
            JmhSettings.Iterations.of(0, Duration.ZERO, 1, Duration.ofSeconds(2));
    /** The SDK client's JIT needs seconds of calls before it settles (see {@link JmhSettings}). */
    private static final Duration SDK_WARMUP = Duration.ofSeconds(2);

    /**
     * The quick mode: about a minute on 2 cores. Every benchmark once, in sample-time mode (latency percentiles, and
     * throughput at one thread is 1 / mean), at one thread.
     */
    public static ServerCostSettings quick(StackJars jars) {
        return new ServerCostSettings(
                "quick",
                jars,
                Duration.ofSeconds(4),
                new JmhSettings(
                        JmhSettings.ALL,
                        1,
                        JmhSettings.Iterations.of(1, Duration.ofSeconds(2), 1, Duration.ofSeconds(2)),
                        JmhSettings.Iterations.of(3, SDK_WARMUP, 1, Duration.ofSeconds(2)),
                        LOGINS,
                        List.of(1),
                        List.of(Mode.SampleTime)),
                new LadderSettings(
                        List.of(50.0, 200.0, 800.0),
                        Duration.ofSeconds(2),
                        Duration.ZERO,
                        DEFAULT_P99_BOUND_MILLIS,
                        0.0,
                        LOAD_CLIENTS,
                        REQUEST_TIMEOUT),
                2,
                1,
                true,
                true,
                null);
    }

    /**
     * What {@code mvn verify -Pbench} runs (at most about 4 minutes on 2 cores): both modes at 1 thread and at the
     * contended setting, short iterations, 3 s ladder steps.
     */
    public static ServerCostSettings standard(StackJars jars) {
        return new ServerCostSettings(
                "standard",
                jars,
                Duration.ofSeconds(10),
                new JmhSettings(
                        JmhSettings.ALL,
                        1,
                        JmhSettings.Iterations.of(1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1)),
                        JmhSettings.Iterations.of(3, SDK_WARMUP, 2, Duration.ofSeconds(1)),
                        LOGINS,
                        bothThreadCounts(),
                        BOTH_MODES),
                new LadderSettings(
                        List.of(50.0, 100.0, 200.0, 400.0, 800.0, 1600.0),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(2),
                        DEFAULT_P99_BOUND_MILLIS,
                        0.0,
                        LOAD_CLIENTS,
                        REQUEST_TIMEOUT),
                4,
                2,
                true,
                true,
                null);
    }

    /** JMH's own defaults for forks, iterations and times (long); a longer ladder and warm-up. */
    public static ServerCostSettings full(StackJars jars) {
        return new ServerCostSettings(
                "full",
                jars,
                Duration.ofSeconds(30),
                new JmhSettings(
                        JmhSettings.ALL,
                        null,
                        JmhSettings.Iterations.JMH_DEFAULTS,
                        JmhSettings.Iterations.JMH_DEFAULTS,
                        JmhSettings.Iterations.JMH_DEFAULTS,
                        bothThreadCounts(),
                        BOTH_MODES),
                new LadderSettings(
                        List.of(50.0, 100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        DEFAULT_P99_BOUND_MILLIS,
                        0.0,
                        LOAD_CLIENTS,
                        REQUEST_TIMEOUT),
                20,
                4,
                true,
                true,
                null);
    }

    /**
     * What these settings are, for {@code run.config.settings} of results.json: strings, no secrets, the same keys
     * whether the phase ran or not.
     */
    public Map<String, String> forResults() {
        Map<String, String> out = new TreeMap<>();
        out.put("serverBench.settings", name);
        out.put(
                "serverBench.variants",
                nextjsDir == null
                        ? "ssr, csr"
                        : "ssr, csr, next-ssr, next-csr (the Next.js apps as next start processes)");
        out.put("serverBench.jmh", runJmh ? jmh.describe() : "not run");
        out.put("serverBench.ladder", runLadder ? ladder.describe() : "not run");
        out.put(
                "serverBench.serverWarmup",
                String.format(
                        Locale.ROOT,
                        "%d s of SSR and CSR page views at %d/s each, side" + " by side%s",
                        serverWarmup.toSeconds(),
                        WARMUP_RATE,
                        nextjsDir == null
                                ? ""
                                : String.format(
                                        Locale.ROOT, ", then next-ssr and next-csr each at %d/s", NEXT_WARMUP_RATE)));
        out.put(
                "serverBench.users",
                pageViewUsers + " page-view users (an SSR and a CSR session each"
                        + (nextjsDir == null ? "" : ", the Next.js apps' page views use the same ones") + "), "
                        + loginUsers
                        + " login users");
        out.put("serverBench.appwriteFlags", "--rate-limits off --password-hash appwrite");
        out.put(
                "serverBench.latency",
                "load latency from each page view's intended start (coordinated omission corrected)");
        out.put(
                "serverBench.serverCpu",
                "process-tree CPU from /proc (10 ms ticks) minus the JVMs' JIT compiler"
                        + " threads, which are reported apart (Node.js: V8 compiles on threads that also collect garbage, so"
                        + " all of its CPU counts)");
        return out;
    }

    public ServerCostSettings withJmh(JmhSettings settings) {
        return new ServerCostSettings(
                name, jars, serverWarmup, settings, ladder, pageViewUsers, loginUsers, runJmh, runLadder, nextjsDir);
    }

    public ServerCostSettings withLadder(LadderSettings settings) {
        return new ServerCostSettings(
                name, jars, serverWarmup, jmh, settings, pageViewUsers, loginUsers, runJmh, runLadder, nextjsDir);
    }

    public ServerCostSettings withP99BoundMillis(double bound) {
        return withLadder(new LadderSettings(
                ladder.ratesPerSecond(),
                ladder.stepDuration(),
                ladder.warmup(),
                bound,
                ladder.maxErrorRatio(),
                ladder.concurrency(),
                ladder.requestTimeout()));
    }

    public ServerCostSettings withServerWarmup(Duration warmup) {
        return new ServerCostSettings(
                name, jars, warmup, jmh, ladder, pageViewUsers, loginUsers, runJmh, runLadder, nextjsDir);
    }

    public ServerCostSettings withUsers(int pageViews, int logins) {
        return new ServerCostSettings(
                name, jars, serverWarmup, jmh, ladder, pageViews, logins, runJmh, runLadder, nextjsDir);
    }

    /**
     * Also measure the Next.js apps of {@code nextjsFolder} (the project's {@code nextjs} folder with {@code ssr/} and
     * {@code csr/}); null = only the bundled apps.
     */
    public ServerCostSettings withNextjs(Path nextjsFolder) {
        return new ServerCostSettings(
                name,
                jars,
                serverWarmup,
                jmh,
                ladder,
                pageViewUsers,
                loginUsers,
                runJmh,
                runLadder,
                nextjsFolder == null ? null : nextjsFolder.toAbsolutePath());
    }

    public ServerCostSettings withPhases(boolean jmhPhase, boolean ladderPhase) {
        return new ServerCostSettings(
                name, jars, serverWarmup, jmh, ladder, pageViewUsers, loginUsers, jmhPhase, ladderPhase, nextjsDir);
    }
}
