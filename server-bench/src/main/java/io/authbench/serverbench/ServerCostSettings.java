package io.authbench.serverbench;

import io.authbench.serverbench.jmh.JmhSettings;
import io.authbench.serverbench.load.LadderSettings;
import io.authbench.serverbench.stack.StackJars;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.openjdk.jmh.annotations.Mode;

/**
 * Everything that shapes the server-side phase. Start from {@link #quick}, {@link #standard} or {@link #full} (or
 * {@link #fromProperties}) and adjust with the {@code with...} copies.
 *
 * <table>
 * <caption>The three settings</caption>
 * <tr><th></th><th>quick</th><th>standard ({@code -Pbench})</th><th>full ({@code -Djmh.full=true})</th></tr>
 * <tr><td>JMH</td><td>1 fork, 1 × 1 s warm-up, 2 × 1 s</td><td>1 fork, 2 × 2 s warm-up, 3 × 2 s</td>
 *     <td>JMH defaults: 5 forks, 5 × 10 s, 5 × 10 s</td></tr>
 * <tr><td>JMH threads, modes</td><td colspan="3">1 and {@link JmhSettings#contendedThreads()}; throughput and
 *     sample time</td></tr>
 * <tr><td>ladder</td><td>50, 200, 800 /s; 5 s steps, 2 s warm-up</td><td colspan="2">50, 100, 200, 400, 800, 1600,
 *     3200 /s; 10 s steps, 5 s warm-up</td></tr>
 * <tr><td>stop</td><td colspan="3">p99 over 50 ms or any failed page view</td></tr>
 * <tr><td>server warm-up</td><td>5 s</td><td>15 s</td><td>30 s</td></tr>
 * <tr><td>users</td><td>8 page-view + 4 login</td><td colspan="2">20 page-view + 4 login</td></tr>
 * </table>
 *
 * @param name          {@code quick}, {@code standard} or {@code full}, recorded with the results
 * @param jars          the servers' jars (used when the phase starts the servers itself)
 * @param serverWarmup  SSR and CSR page views at {@value #WARMUP_RATE}/s before anything is measured, so the servers'
 *                      JIT compilation (which burns CPU that would be charged to the first benchmarks) is done
 * @param jmh           JMH settings
 * @param ladder        ladder settings (the same for both variants)
 * @param pageViewUsers users signed in for page views (both variants share them)
 * @param loginUsers    users for the login benchmarks
 * @param runJmh        whether to run JMH
 * @param runLadder     whether to run the load ladder
 */
public record ServerCostSettings(String name, StackJars jars, Duration serverWarmup, JmhSettings jmh, LadderSettings ladder,
                                 int pageViewUsers, int loginUsers, boolean runJmh, boolean runLadder) {
    /** Default p99 bound of the ladder. */
    public static final double DEFAULT_P99_BOUND_MILLIS = 50;
    static final int LOAD_CLIENTS = 64;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Page views per second of the server warm-up. */
    public static final int WARMUP_RATE = 100;

    public ServerCostSettings {
        if (serverWarmup == null || serverWarmup.isNegative()) {
            throw new IllegalArgumentException("The server warm-up must be zero or positive, was " + serverWarmup + ".");
        }
        if (pageViewUsers < 1 || loginUsers < 1) {
            throw new IllegalArgumentException("At least one page-view user and one login user are needed.");
        }
    }

    private static List<Integer> threads() {
        return List.of(1, JmhSettings.contendedThreads());
    }

    private static final List<Mode> MODES = List.of(Mode.Throughput, Mode.SampleTime);

    /** The quick mode: the whole phase in a few minutes on 2 cores. */
    public static ServerCostSettings quick(StackJars jars) {
        return new ServerCostSettings("quick", jars, Duration.ofSeconds(5),
                new JmhSettings(JmhSettings.ALL, 1, 1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), threads(), MODES),
                new LadderSettings(List.of(50.0, 200.0, 800.0), Duration.ofSeconds(5), Duration.ofSeconds(2),
                        DEFAULT_P99_BOUND_MILLIS, 0.0, LOAD_CLIENTS, REQUEST_TIMEOUT),
                8, 4, true, true);
    }

    /** What {@code mvn verify -Pbench} runs: short, documented JMH settings and 10 s ladder steps. */
    public static ServerCostSettings standard(StackJars jars) {
        return new ServerCostSettings("standard", jars, Duration.ofSeconds(15),
                new JmhSettings(JmhSettings.ALL, 1, 2, Duration.ofSeconds(2), 3, Duration.ofSeconds(2), threads(), MODES),
                standardLadder(), 20, 4, true, true);
    }

    /** JMH's own defaults for forks, iterations and times; the standard ladder. */
    public static ServerCostSettings full(StackJars jars) {
        return new ServerCostSettings("full", jars, Duration.ofSeconds(30),
                new JmhSettings(JmhSettings.ALL, null, null, null, null, null, threads(), MODES),
                standardLadder(), 20, 4, true, true);
    }

    private static LadderSettings standardLadder() {
        return new LadderSettings(List.of(50.0, 100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0), Duration.ofSeconds(10),
                Duration.ofSeconds(5), DEFAULT_P99_BOUND_MILLIS, 0.0, LOAD_CLIENTS, REQUEST_TIMEOUT);
    }

    /**
     * From properties, as {@code -D} flags under Maven: {@code bench.quick=true} → quick, {@code jmh.full=true} →
     * full (wins over quick), else standard; {@code bench.serverBench.p99BoundMs} overrides the ladder's bound.
     */
    public static ServerCostSettings fromProperties(Properties properties, StackJars jars) {
        ServerCostSettings settings = Boolean.parseBoolean(properties.getProperty("jmh.full", "false").trim()) ? full(jars)
                : Boolean.parseBoolean(properties.getProperty("bench.quick", "false").trim()) ? quick(jars)
                : standard(jars);
        String bound = properties.getProperty("bench.serverBench.p99BoundMs", "").trim();
        if (!bound.isEmpty()) {
            try {
                settings = settings.withP99BoundMillis(Double.parseDouble(bound));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench.serverBench.p99BoundMs: '" + bound + "' is not a number of"
                        + " milliseconds, e.g. 50.");
            }
        }
        return settings;
    }

    public ServerCostSettings withJmh(JmhSettings settings) {
        return new ServerCostSettings(name, jars, serverWarmup, settings, ladder, pageViewUsers, loginUsers, runJmh, runLadder);
    }

    public ServerCostSettings withLadder(LadderSettings settings) {
        return new ServerCostSettings(name, jars, serverWarmup, jmh, settings, pageViewUsers, loginUsers, runJmh, runLadder);
    }

    public ServerCostSettings withP99BoundMillis(double bound) {
        return withLadder(new LadderSettings(ladder.ratesPerSecond(), ladder.stepDuration(), ladder.warmup(), bound,
                ladder.maxErrorRatio(), ladder.concurrency(), ladder.requestTimeout()));
    }

    public ServerCostSettings withServerWarmup(Duration warmup) {
        return new ServerCostSettings(name, jars, warmup, jmh, ladder, pageViewUsers, loginUsers, runJmh, runLadder);
    }

    public ServerCostSettings withUsers(int pageViews, int logins) {
        return new ServerCostSettings(name, jars, serverWarmup, jmh, ladder, pageViews, logins, runJmh, runLadder);
    }

    public ServerCostSettings withPhases(boolean jmhPhase, boolean ladderPhase) {
        return new ServerCostSettings(name, jars, serverWarmup, jmh, ladder, pageViewUsers, loginUsers, jmhPhase, ladderPhase);
    }
}
