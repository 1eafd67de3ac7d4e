package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.cli.ServerPhaseSettings;
import io.authbench.harness.flow.Flow;
import io.authbench.harness.nextjs.NextjsApps;
import io.authbench.harness.profile.Profiles;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.ResultsWriter;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.serverbench.ServerBenchException;
import io.authbench.serverbench.ServerCostResult;
import io.authbench.serverbench.ServerCostSettings;
import io.authbench.serverbench.jmh.JmhSettings;
import io.authbench.serverbench.load.ErrorKind;
import io.authbench.serverbench.load.LadderResult;
import io.authbench.serverbench.load.LadderStep;
import io.authbench.serverbench.load.LoadOutcome;
import io.authbench.serverbench.load.LoadSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server phase's place in a run: it runs the settings the options name, its figures land in the run's results.json next to
 * the browser samples, and a phase that fails is an incident that loses nothing already measured. The phase itself is
 * server-bench's (tested there against the real servers); here a {@link ServerPhase.Measurement} returns a result or
 * throws, as the real one does.
 */
class ServerPhaseTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HarnessOptions quick;
    private HarnessOptions standard;
    private HarnessOptions full;

    @BeforeEach
    void options() {
        quick = options(true, true, ServerPhaseSettings.QUICK);
        standard = options(false, true, ServerPhaseSettings.STANDARD);
        full = options(true, true, ServerPhaseSettings.FULL);
    }

    /** As RunCommand resolves them; only the mode, the phase switches and the jars matter here. */
    private HarnessOptions options(boolean quickMode, boolean serverPhase, ServerPhaseSettings settings) {
        Path jar = dir.resolve("server.jar");
        return new HarnessOptions(
                quickMode,
                List.of(Flow.LOGIN),
                Profiles.bundled().get(List.of("loopback")),
                null,
                1,
                0,
                1,
                null,
                dir.resolve("run"),
                null,
                jar,
                jar,
                jar,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(20),
                serverPhase,
                settings);
    }

    private ResultsWriter writerWithOneBrowserSample() {
        Run run = new Run(
                "20261127T090000Z",
                RunStatus.RUNNING,
                null,
                Instant.now(),
                null,
                1,
                true,
                new RunConfig(
                        List.of("login"),
                        List.of("loopback"),
                        1,
                        0,
                        null,
                        Map.of(),
                        ServerPhase.configSettings(quick)));
        ResultsWriter writer = ResultsWriter.create(
                dir.resolve("results.json"),
                RunResults.start(
                        run,
                        new Environment(
                                null, 2, null, null, null, null, null, Map.of(), null, Environment.EMULATOR, null),
                        List.of()));
        writer.addSample(Sample.ok(
                "login",
                "ssr",
                "loopback",
                0,
                0,
                Instant.now(),
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, 120.0).build(),
                List.of()));
        return writer;
    }

    private static ServerCostResult measured(ServerCostSettings settings) {
        Histogram latencies = new Histogram(3);
        latencies.recordValue(2_000_000);
        LoadOutcome outcome = new LoadOutcome(
                LoadSettings.of(50, Duration.ofSeconds(5)),
                latencies,
                250,
                250,
                250,
                Map.of(),
                0,
                Duration.ofSeconds(5),
                false,
                Map.of());
        Histogram slow = new Histogram(3);
        slow.recordValue(900_000_000);
        LoadOutcome failing = new LoadOutcome(
                LoadSettings.of(200, Duration.ofSeconds(5)),
                slow,
                1000,
                1000,
                990,
                Map.of(ErrorKind.TIMEOUT, 7L, ErrorKind.HTTP_STATUS, 3L),
                0,
                Duration.ofSeconds(6),
                false,
                Map.of(
                        ErrorKind.TIMEOUT,
                        "GET /dashboard: HttpTimeoutException (request timed out)",
                        ErrorKind.HTTP_STATUS,
                        "GET /dashboard answered 502"));
        LadderResult ssr = new LadderResult(
                "ssr",
                List.of(
                        new LadderStep(
                                "ssr",
                                "GET /dashboard",
                                outcome,
                                0.4,
                                0.2,
                                0.01,
                                0.0,
                                "server-bench/load-ssr-50ps.hlog",
                                true),
                        new LadderStep("ssr", "GET /dashboard", failing, 0.5, null, 0.0, null, null, false)),
                "Stopped at 200/s because page views failed: 7 timeout, 3 http_status of 1000 sent.",
                true,
                50.0);
        return new ServerCostResult(
                settings.forResults(),
                List.of(new JmhResult(
                        "SsrBenchmarks.dashboard", "ssr", "thrpt", 1, 2.4, 0.1, "ops/ms", Map.of(), 0.39, 0.21)),
                List.of(),
                List.of(ssr),
                List.of("Appwrite ran with --rate-limits off."),
                "server-bench/jmh-result.json");
    }

    @Test
    void the_server_phase_runs_the_settings_the_options_name_whatever_the_run_mode() {
        assertThat(ServerPhase.settingsFor(quick).name()).isEqualTo("quick");
        assertThat(ServerPhase.settingsFor(standard).name()).isEqualTo("standard");
        assertThat(ServerPhase.settingsFor(full).name())
                .as("full in quick mode")
                .isEqualTo("full");
        assertThat(ServerPhase.settingsFor(options(false, true, ServerPhaseSettings.QUICK))
                        .name())
                .as("quick in a default run")
                .isEqualTo("quick");
        assertThat(ServerPhase.settingsFor(options(false, true, null)).name())
                .as("unset: the default")
                .isEqualTo("quick");
        assertThat(ServerPhase.settingsFor(quick).jars().ssrJar()).isEqualTo(dir.resolve("server.jar"));
        assertThat(ServerPhase.settingsFor(quick).nextjsDir())
                .as("the Next.js pair only with --nextjs")
                .isNull();
        assertThat(ServerPhase.configSettings(quick)).containsEntry("serverBench.variants", "ssr, csr");
    }

    @Test
    void with_the_nextjs_pair_the_server_phase_measures_the_nextjs_apps_too() {
        HarnessOptions q = quick;
        HarnessOptions withNextjs = new HarnessOptions(
                q.quick(),
                q.flows(),
                q.profiles(),
                q.profilesFile(),
                q.pairs(),
                q.warmupPairs(),
                q.blocks(),
                q.seed(),
                q.aaFlow(),
                q.out(),
                q.browser(),
                q.emulatorJar(),
                q.ssrJar(),
                q.csrJar(),
                q.iterationTimeout(),
                q.serverStartTimeout(),
                q.sdkCallTimeout(),
                q.serverPhase(),
                q.serverSettings(),
                q.sourceRoot(),
                q.appwrite(),
                q.topology(),
                q.targets(),
                q.filmstrip(),
                new NextjsApps(null, null, dir.resolve("nextjs"), Map.of()));

        assertThat(ServerPhase.settingsFor(withNextjs).nextjsDir()).isEqualTo(dir.resolve("nextjs"));
        assertThat(ServerPhase.configSettings(withNextjs).get("serverBench.variants"))
                .contains("next-ssr", "next-csr");
    }

    @Test
    void the_run_config_records_whether_and_how_the_server_phase_ran() {
        assertThat(ServerPhase.configSettings(quick))
                .containsEntry("serverPhase", "on")
                .containsEntry("serverBench.settings", "quick")
                .containsEntry(
                        "serverBench.jmh",
                        "1 fork(s); fast benchmarks 1 × 2000 ms warm-up, 1 × 2000 ms;"
                                + " account.get (SDK and plain HTTP) 3 × 2000 ms warm-up, 1 × 2000 ms; logins no warm-up,"
                                + " 1 × 2000 ms; modes [sample]; threads [1]");
        assertThat(ServerPhase.configSettings(standard).get("serverBench.jmh"))
                .contains("modes [thrpt, sample]")
                .contains("threads [1, " + JmhSettings.contendedThreads() + "]");
        assertThat(ServerPhase.configSettings(full)).containsEntry("serverBench.settings", "full");
        assertThat(ServerPhase.configSettings(options(true, false, ServerPhaseSettings.QUICK)))
                .containsOnly(Map.entry("serverPhase", "off"));
    }

    @Test
    void measured_server_costs_are_stored_in_the_same_results_file_as_the_browser_samples() throws Exception {
        List<ServerCostSettings> asked = new ArrayList<>();
        try (ResultsWriter writer = writerWithOneBrowserSample()) {
            ServerPhase phase = new ServerPhase(
                    (settings, runFolder, progress) -> {
                        asked.add(settings);
                        progress.println("  load ladder, SSR page views: [50.0] /s");
                        return measured(settings);
                    },
                    new PrintWriter(out),
                    new PrintWriter(err));
            assertThat(phase.run(quick, dir, writer)).isTrue();
            writer.finish(RunStatus.COMPLETE, null);
        }
        assertThat(asked).extracting(ServerCostSettings::name).containsExactly("quick");
        RunResults read = ResultsJson.read(dir.resolve("results.json"));
        assertThat(read.samples()).hasSize(1);
        assertThat(read.jmh()).extracting(JmhResult::benchmark).containsExactly("SsrBenchmarks.dashboard");
        assertThat(read.load()).hasSize(2);
        assertThat(read.load().get(0)).satisfies(step -> {
            assertThat(step.variant()).isEqualTo("ssr");
            assertThat(step.offeredPerSecond()).isEqualTo(50.0);
            assertThat(step.errorsByKind()).isEmpty();
            assertThat(step.appCpuMsPerView()).isEqualTo(0.4);
            assertThat(step.appwriteCpuMsPerView()).isEqualTo(0.2);
            assertThat(step.sustained()).isTrue();
            assertThat(step.stopReason())
                    .as("only the last step says why the ladder ended")
                    .isNull();
        });
        assertThat(read.load().get(1)).satisfies(step -> {
            assertThat(step.errorsByKind()).containsExactly(Map.entry("http_status", 3L), Map.entry("timeout", 7L));
            assertThat(step.firstErrors()).containsEntry("http_status", "GET /dashboard answered 502");
            assertThat(step.appwriteCpuMsPerView())
                    .as("not measured stays absent, never 0")
                    .isNull();
            assertThat(step.sustained()).isFalse();
            assertThat(step.stopReason()).startsWith("Stopped at 200/s because page views failed");
        });
        assertThat(read.run().config().settings())
                .containsKeys("serverBench.jmh", "serverBench.ladder")
                .containsEntry("serverBench.settings", "quick");
        assertThat(read.incidents()).anySatisfy(i -> {
            assertThat(i.component()).isEqualTo(ServerPhase.COMPONENT);
            assertThat(i.message()).contains("--rate-limits off");
        });
        assertThat(out.toString()).contains("load ladder, SSR page views").contains("1 JMH results, 2 load steps");
    }

    @Test
    void a_server_phase_that_cannot_start_is_an_incident_and_keeps_the_browser_results() throws Exception {
        try (ResultsWriter writer = writerWithOneBrowserSample()) {
            ServerPhase phase = new ServerPhase(
                    (settings, runFolder, progress) -> {
                        throw new ServerBenchException(
                                "ssr-app jar not found at /nowhere/ssr-app.jar. Build it with `mvn -q -B"
                                        + " -pl ssr-app package -DskipTests` or point --ssr-jar at it.");
                    },
                    new PrintWriter(out),
                    new PrintWriter(err));
            assertThat(phase.run(quick, dir, writer)).isFalse();
            writer.finish(RunStatus.COMPLETE, null);
        }
        RunResults read = ResultsJson.read(dir.resolve("results.json"));
        assertThat(read.run().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(read.samples()).hasSize(1);
        assertThat(read.jmh()).isEmpty();
        assertThat(read.incidents())
                .anySatisfy(i -> assertThat(i.message())
                        .startsWith("the server phase failed and measured nothing: ssr-app jar not found"));
        assertThat(err.toString())
                .contains("the server phase failed: ssr-app jar not found")
                .contains("--server-phase=off")
                .doesNotContain("Exception");
    }
}
