package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.harness.cli.Defaults;
import io.authbench.reports.results.CellSummary;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness, as a user runs it: real emulator, real apps, real links, real Chromium; one login pair on
 * loopback. Checks results.json, not timings (the machine is noisy; benchmarks measure, tests assert behaviour).
 */
class QuickRunEndToEndTest {
    /** What every login sample measures, whatever the pattern. */
    static final Set<Metric> COMMON = EnumSet.of(
            Metric.TIME_TO_CONTENT_MS,
            Metric.REQUESTS,
            Metric.BYTES,
            Metric.REQUESTS_APP,
            Metric.BYTES_APP,
            Metric.REQUESTS_APPWRITE,
            Metric.BYTES_APPWRITE,
            Metric.PREFLIGHTS,
            Metric.REDIRECTS,
            Metric.SCRIPT_BYTES,
            Metric.APPWRITE_CALLS_BROWSER,
            Metric.APPWRITE_CALLS_SERVER,
            Metric.CRITICAL_PATH_DEPTH,
            Metric.SERVER_TIMING_MS,
            Metric.SCRIPT_MS,
            Metric.TASK_MS,
            Metric.APP_CPU_MS,
            Metric.APPWRITE_CPU_MS,
            Metric.APP_JIT_MS,
            Metric.APPWRITE_JIT_MS,
            Metric.CACHEABLE_RESPONSES);
    /**
     * SSR's login ends in a new document (the dashboard), whose navigation timings start after the click; CSR's
     * stays in the login page's document, whose navigation happened before the click, so it has none to report.
     */
    static final Set<Metric> SSR_DOCUMENT =
            EnumSet.of(Metric.TTFB_MS, Metric.FCP_MS, Metric.LCP_MS, Metric.DOM_CONTENT_LOADED_MS, Metric.LOAD_MS);

    @TempDir
    Path out;

    @Test
    void a_quick_login_run_records_both_variants_with_every_metric() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = HarnessMain.run(
                new String[] {
                    "run",
                    "--flows=login",
                    "--profiles=loopback",
                    "--pairs=1",
                    "--warmup-pairs=0",
                    "--aa-flow=none",
                    "--server-phase=off",
                    "--out=" + out,
                    "--emulator-jar=" + ServerJars.emulator(),
                    "--ssr-jar=" + ServerJars.ssr(),
                    "--csr-jar=" + ServerJars.csr(),
                    "--source-root=" + Path.of("..").toAbsolutePath().normalize()
                },
                new PrintWriter(stdout),
                new PrintWriter(stderr));

        assertThat(code)
                .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                .isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(results.run().seed()).isEqualTo(Defaults.SEED);
        assertThat(results.environment().chromium()).isNotBlank();
        assertThat(results.environment().backend()).isEqualTo("emulator");
        assertThat(results.profiles()).extracting(p -> p.name()).containsExactly("loopback");
        assertThat(results.links())
                .extracting(l -> l.link())
                .containsExactly(NetworkLink.BROWSER_APP, NetworkLink.BROWSER_APPWRITE, NetworkLink.APP_APPWRITE);
        assertThat(results.links())
                .allSatisfy(l -> assertThat(l.measuredRttMs()).isNotNull());

        List<Sample> samples = results.samples();
        assertThat(samples).extracting(Sample::variant).containsExactlyInAnyOrder("ssr", "csr");
        assertThat(samples).extracting(Sample::order).containsExactlyInAnyOrder(0, 1);
        for (Sample sample : samples) {
            assertThat(sample.ok())
                    .as("%s failed: %s", sample.variant(), sample.failure())
                    .isTrue();
            Set<Metric> expected = EnumSet.copyOf(COMMON);
            if (sample.variant().equals("ssr")) {
                expected.addAll(SSR_DOCUMENT);
            }
            assertThat(sample.metrics().asMap().keySet()).as(sample.variant()).containsAll(expected);
            assertThat(sample.metrics().number(Metric.TIME_TO_CONTENT_MS).getAsDouble())
                    .isPositive();
            assertThat(sample.requests()).isNotEmpty();
        }
        Sample ssr = samples.stream()
                .filter(s -> s.variant().equals("ssr"))
                .findFirst()
                .orElseThrow();
        Sample csr = samples.stream()
                .filter(s -> s.variant().equals("csr"))
                .findFirst()
                .orElseThrow();
        // Per-thread nanoseconds, not 10 ms ticks: SSR's page view costs its app some CPU, not a whole number of ticks.
        assertThat(ssr.metrics().number(Metric.APP_CPU_MS).getAsDouble() % 10).isNotZero();
        // The patterns' defining difference, as counted: who talks to Appwrite.
        assertThat(ssr.metrics().number(Metric.APPWRITE_CALLS_BROWSER)).hasValue(0.0);
        assertThat(ssr.metrics().number(Metric.APPWRITE_CALLS_SERVER).getAsDouble())
                .isGreaterThanOrEqualTo(2);
        assertThat(ssr.metrics().number(Metric.REDIRECTS)).hasValue(1.0);
        assertThat(csr.metrics().number(Metric.APPWRITE_CALLS_BROWSER).getAsDouble())
                .isGreaterThanOrEqualTo(2);
        assertThat(csr.metrics().number(Metric.APPWRITE_CALLS_SERVER)).hasValue(0.0);
        assertThat(csr.metrics().number(Metric.PREFLIGHTS).getAsDouble()).isPositive();
        // On localhost Appwrite cannot verify the app's domain: the Web SDK keeps X-Fallback-Cookies in localStorage.
        assertThat(csr.csrSessionPath()).isEqualTo(Sample.FALLBACK_PATH);
        assertThat(ssr.csrSessionPath()).isNull();

        assertThat(results.cells()).extracting(CellSummary::variant).containsExactlyInAnyOrder("ssr", "csr");
        assertThat(results.cells())
                .allSatisfy(c -> assertThat(out.resolve(c.histogramFile())).exists());
        assertThat(Files.list(out.resolve("logs"))
                        .map(p -> p.getFileName().toString())
                        .toList())
                .contains("appwrite-emulator.stdout.log", "ssr-app.loopback.stdout.log", "csr-app.loopback.stdout.log");
        assertThat(stdout.toString())
                .contains("results in "
                        + out.resolve("results.json").toAbsolutePath().normalize());
        // The code-size proxy, from the repository's sources (Maven runs the tests in harness/).
        assertThat(results.codeSize()).extracting(c -> c.variant()).containsExactly("ssr", "csr");
        assertThat(results.codeSize())
                .allSatisfy(c -> assertThat(c.linesOfCode()).isPositive());
        assertThat(stdout.toString()).contains("code size of the auth path");

        // The filmstrip: the only profile is the slowest; its one login pair was screencast and kept.
        assertThat(results.run().config().settings().get("filmstrip"))
                .contains("screencast on")
                .contains("loopback");
        for (Sample sample : samples) {
            assertThat(sample.screenshots()).as("%s frames", sample.variant()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(sample.screenshots().get(0).atMs()).isZero();
            assertThat(sample.screenshots().get(sample.screenshots().size() - 1).atMs())
                    .isGreaterThanOrEqualTo(Math.max(
                            ssr.metrics().number(Metric.TIME_TO_CONTENT_MS).getAsDouble(),
                            csr.metrics().number(Metric.TIME_TO_CONTENT_MS).getAsDouble()));
            for (var shot : sample.screenshots()) {
                byte[] image = Files.readAllBytes(out.resolve(shot.file()));
                assertThat(image).as(shot.file()).startsWith((byte) 0xFF, (byte) 0xD8); // a JPEG
            }
        }
        assertThat(ssr.screenshots())
                .extracting(s -> s.atMs())
                .isEqualTo(csr.screenshots().stream().map(s -> s.atMs()).toList());
        // authbench run wrote the report itself, through the reports CLI, and said where.
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(out.resolve("summary.csv")).isNotEmptyFile();
        assertThat(stdout.toString())
                .contains("report:  " + out.resolve("report.html").toAbsolutePath())
                .contains("summary: " + out.resolve("summary.csv").toAbsolutePath());
        int reportCode = HarnessMain.run(
                new String[] {"report", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));
        assertThat(reportCode).as("report exit code; stderr:%n%s", stderr).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html)
                .contains("CSR was measured on the <b>fallback</b> path: 0 measured CSR samples held the session"
                        + " only in Appwrite's HttpOnly cookie, 1 also in <code>localStorage.cookieFallback</code>");
        String filmstrip = html.substring(html.indexOf("<section id=\"filmstrip\">"));
        assertThat(filmstrip.substring(0, filmstrip.indexOf("</section>")))
                .contains("pair " + ssr.pair())
                .contains("<img alt=\"SSR at")
                .contains("<img alt=\"CSR at")
                .contains("src=\"data:image/jpeg;base64,")
                .doesNotContain("frame missing");

        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .as("every child process (servers, driver, browser) is gone")
                .isEmpty();
    }

    @Test
    void the_cookie_only_csr_path_keeps_the_session_out_of_local_storage() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = HarnessMain.run(
                new String[] {
                    "run",
                    "--flows=login",
                    "--profiles=loopback",
                    "--pairs=1",
                    "--warmup-pairs=0",
                    "--aa-flow=none",
                    "--server-phase=off",
                    "--csr-session-path=cookie",
                    "--out=" + out,
                    "--emulator-jar=" + ServerJars.emulator(),
                    "--ssr-jar=" + ServerJars.ssr(),
                    "--csr-jar=" + ServerJars.csr(),
                    "--source-root=" + Path.of("..").toAbsolutePath().normalize()
                },
                new PrintWriter(stdout),
                new PrintWriter(stderr));

        assertThat(code)
                .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                .isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().config().settings().get("publicHost")).isEqualTo("authbench.internal");
        assertThat(results.samples())
                .allSatisfy(s -> assertThat(s.ok())
                        .as("%s: %s", s.variant(), s.failure())
                        .isTrue());
        Sample csr = results.samples().stream()
                .filter(s -> s.variant().equals("csr"))
                .findFirst()
                .orElseThrow();
        assertThat(csr.csrSessionPath()).isEqualTo(Sample.COOKIE_PATH);
        assertThat(HarnessMain.run(
                        new String[] {"report", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr)))
                .isZero();
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("CSR was measured on the <b>cookie-only</b> path");
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }
}
