package io.authbench.harness.cli;

import io.authbench.reports.results.Flows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every default of the harness in one place; the {@code --help} text is built from these constants so the
 * documentation cannot drift from the code.
 */
public final class Defaults {
    private Defaults() {}

    /** The four bundled profiles (docs/architecture.md#network-profiles), in run order. */
    public static final String PROFILES = "loopback,cable,slow-4g,far-backend";
    /** Quick mode: the floor and the profile with the largest effects. */
    public static final String QUICK_PROFILES = "loopback,slow-4g";
    /** Every flow of docs/architecture.md#flows (quick mode runs them all too, with fewer pairs and profiles). */
    public static final String FLOWS = "login,revisit,revisit-cold,navigate,guard,logout,no-js";

    /** Measured pairs per cell of a run before blocks (the most a cell gets now is {@link #MAX_BLOCKS} blocks). */
    public static final int PAIRS = 20;
    /**
     * Measured pairs each open cell gets per block (docs/statistics.md#blocks). With {@link #MIN_BLOCKS} this gives
     * every cell at least 12 pairs: fewer could never reach a verdict, because Holm's correction over the 28 SSR/CSR
     * cells of a default run multiplies the smallest p-value by 28, and the exact signed-rank test's smallest p with
     * n pairs is 2 / 2^n (0.002 with 10 pairs, 0.001 with 11).
     */
    public static final int PAIRS_PER_BLOCK = 4;
    /**
     * Blocks every cell runs: three, so the block-aware interval rests on three independent restarts of the stack (two
     * would let half of its resamples draw a single block twice).
     */
    public static final int MIN_BLOCKS = 3;
    /**
     * Blocks no cell runs more than: by default the same as {@link #MIN_BLOCKS}, so every timed cell gets its 12 pairs
     * and the {@link #PRECISION} rule decides nothing. A 4th block for the cells not yet precise took a default run
     * from about 14 to about 16 minutes; it changed no claim verdict, but it made small effects' cell verdicts firmer
     * and intervals hold the other run's estimate in 98 % of cases instead of about 96 % (docs/statistics.md, "What
     * the default run costs"). {@code --max-blocks=4} turns the precision rule on.
     */
    public static final int MAX_BLOCKS = 3;
    /**
     * With {@code --max-blocks} above the minimum, a cell stops once the 95 % interval of its log ratio is at most this
     * wide on each side: about ratio ÷ 1.105 to ratio × 1.105. Finer than the ±10 to 12 % a cell's ratio moves
     * between back-to-back runs on this machine would buy nothing a re-run keeps; coarser would leave effects of 1.2×
     * undecided.
     */
    public static final double PRECISION = 0.10;
    /** Measured pairs per cell in quick mode. */
    public static final int QUICK_PAIRS = 2;
    /**
     * Discarded pairs run after each restart of the stack, before the first cell of each profile in each block. One:
     * the first iteration after a restart is often slow (a third of them more than 1.2× their cell's median), while
     * later cells' first pairs measured as fast as the rest (docs/measurements.md), so a warm-up per cell would cost
     * a default run about two minutes for nothing measurable.
     */
    public static final int WARMUP_PAIRS = 1;
    /**
     * Quick mode discards no pair: the servers are JIT-warmed before each profile, Chromium is warm after the first
     * cell, and two measured pairs are a check of the pipeline, not a result (a third of the quick run's time saved).
     */
    public static final int QUICK_WARMUP_PAIRS = 0;

    /** Seed of the pair order; recorded in results.json, so any run can be replayed. */
    public static final long SEED = 20261127L;

    /** The flow of the A/A cell (SSR against SSR): the noise floor of the machine. */
    public static final String AA_FLOW = Flows.LOGIN;

    /** Upper bound for one iteration (setup, action, content); slower iterations are recorded as failures. */
    public static final int ITERATION_TIMEOUT_SECONDS = 30;

    public static final Duration ITERATION_TIMEOUT = Duration.ofSeconds(ITERATION_TIMEOUT_SECONDS);
    /** Upper bound for a child server to print its LISTENING line. */
    public static final int SERVER_START_TIMEOUT_SECONDS = 60;

    public static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(SERVER_START_TIMEOUT_SECONDS);
    /** Upper bound for one Appwrite SDK call (the Kotlin SDK would otherwise wait forever on a bad response). */
    public static final Duration SDK_CALL_TIMEOUT = Duration.ofSeconds(20);

    /**
     * results.json takes a new sample into the file at most this often (ResultsWriter#writeSamplesAtMostEvery): a
     * rewrite of a default run's file costs about 0.1 s, after every sample two minutes of an 18-minute run. Errors,
     * Ctrl-C and the end of each profile's batch write every sample at once; a hard kill loses at most this much.
     */
    public static final Duration RESULTS_WRITE_INTERVAL = Duration.ofSeconds(10);

    /** HTTP requests per app endpoint that warm the servers' JIT before measurement. */
    public static final int JIT_WARMUP_REQUESTS = 150;
    /**
     * Quick mode: fewer rounds. The warm-up pair of every cell then warms the browser-driven paths anyway, and quick
     * results are a smoke test of the pipeline, not a final figure.
     */
    public static final int QUICK_JIT_WARMUP_REQUESTS = 40;

    /** Link calibration: pings per link and the time of each bandwidth transfer (LinkCalibrator's defaults). */
    public static final int CALIBRATION_PINGS = 15;

    public static final Duration CALIBRATION_TRANSFER_TIME = Duration.ofMillis(500);
    /** Quick mode: enough pings for a median RTT, a shorter transfer for the bandwidth estimate. */
    public static final int QUICK_CALIBRATION_PINGS = 5;

    public static final Duration QUICK_CALIBRATION_TRANSFER_TIME = Duration.ofMillis(250);

    /** The server-side phase (server-bench: JMH and the load ladder) runs after the browser phase unless turned off. */
    public static final String SERVER_PHASE = "on";
    /**
     * The server phase's settings ({@code --server-settings}), for the default run and quick mode alike: quick, which
     * keeps {@code mvn verify -Pbench} within 15 minutes (about 14 measured; standard took about 3.5 minutes, quick
     * takes about one). The server-phase figure a verdict rests on, the server half of the Resource claim (SSR's app
     * CPU per page view under JMH against CSR's, with a 20 % margin), differs about 2× between the apps, so the quick
     * settings decide it the same way. Standard adds the contended-thread and throughput runs and a longer load
     * ladder, for whoever wants those figures.
     */
    public static final String SERVER_SETTINGS = "quick";

    /** The Appwrite project id the harness configures everywhere (lower case: it ends up in cookie names). */
    public static final String PROJECT_ID = "authbench";

    /** Upper bound of each request of the external-Appwrite preflight check. */
    public static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(10);
    /** Browser-facing links listen on loopback unless the user opens them (--link-host). */
    public static final String LINK_HOST = "127.0.0.1";
    /**
     * CPU sets ({@code --cpu-sets}): off until measured runs show that pinning lowers the A/A spread and the drift
     * between runs on the machines this is run on (docs/statistics.md#cpu-sets).
     */
    public static final String CPU_SETS = "off";
    /** The host name in browser URLs: one name for the apps and Appwrite keeps their cookies same-site. */
    public static final String PUBLIC_HOST = "localhost";
    /** How to start a Playwright server of the right version, for --help. */
    public static final String PLAYWRIGHT_SERVER_HINT =
            "e.g. 'node ~/.cache/authbench/playwright-driver-1.62.0/package/cli.js run-server --port 3000 --unsafe'";

    /** Output folder, relative to the working directory. */
    public static final String OUT = "target/bench";

    /** The sibling modules' shaded jars, found next to this harness's jar or from the repository root. */
    public static Path emulatorJar() {
        return siblingJar("appwrite-emulator");
    }

    public static Path ssrJar() {
        return siblingJar("ssr-app");
    }

    public static Path csrJar() {
        return siblingJar("csr-app");
    }

    private static Path siblingJar(String module) {
        Path fromRoot = Path.of(module, "target", module + ".jar");
        Path fromHarnessFolder = Path.of("..", module, "target", module + ".jar");
        // Launched as `java -jar harness/target/authbench.jar` the jar's folder is harness/target.
        Path nextToJar = harnessJarFolder()
                .map(dir -> dir.resolve(Path.of("..", "..", module, "target", module + ".jar"))
                        .normalize())
                .orElse(fromRoot);
        for (Path candidate : List.of(nextToJar, fromRoot, fromHarnessFolder)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return nextToJar;
    }

    /** The nextjs module's folder ({@code --nextjs}), found like the jars: in this jar's repository, or from here. */
    public static Path nextjsDirectory() {
        Path fromRoot = Path.of("nextjs");
        Path fromHarnessFolder = Path.of("..", "nextjs");
        Path nextToJar = harnessJarFolder()
                .map(dir -> dir.resolve(Path.of("..", "..", "nextjs")).normalize())
                .orElse(fromRoot);
        for (Path candidate : List.of(nextToJar, fromRoot, fromHarnessFolder)) {
            if (Files.isDirectory(candidate.resolve("ssr"))) {
                return candidate;
            }
        }
        return nextToJar;
    }

    private static Optional<Path> harnessJarFolder() {
        try {
            Path location = Path.of(Defaults.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(location) ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
