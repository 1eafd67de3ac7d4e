package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.harness.apptarget.TargetFiles;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.reports.stats.BaselineComparison;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Does the baseline comparison find a slowdown that is known to be there, and only that? Two short real runs on
 * loopback: the baseline with the SSR app as it is, the candidate with the same app started with
 * {@code --inject-delay /dashboard:50ms} (ssr-app's deliberate slowdown), both launched from a target file like any
 * third-party app. The comparison must call the SSR cells whose measured page is {@code /dashboard} (revisit,
 * revisit-cold) slower and no CSR cell slower; comparing a run with itself must report no change.
 *
 * <p>No timing threshold is asserted other than the comparison's own verdict: 50 ms on a loopback page of about
 * 10–100 ms is a large effect. The SSR flows that do not measure {@code /dashboard} (navigate measures
 * {@code /profile}, logout the login page) and every CSR cell keep more than half of the time family unchanged, which
 * the comparison's estimate of the run-wide factor and of the drift between runs relies on.
 */
class RegressionDetectionEndToEndTest {
    private static final List<String> FLOWS = List.of("revisit", "revisit-cold", "navigate", "logout");
    /** The flows whose measured SSR page is /dashboard. */
    private static final Set<String> DASHBOARD_FLOWS = Set.of("revisit", "revisit-cold");

    @TempDir
    Path dir;

    // Off until issue #11's baseline comparison can find this slowdown. On a quiet machine (fresh clone, 2026-12-02)
    // SSR revisit went 113 -> 155 ms and revisit-cold 108 -> 161 ms with the delay, yet both came out "no significant
    // change": with only eight cell variants the time family's drift estimate (0.18) absorbs a 40-50 % change, and
    // four ratio cells are too few to be judged at all. The test states the requirement; the comparison must change.
    @Disabled("issue #11: the baseline comparison does not yet report an injected 50 ms slowdown (see the comment)")
    @Test
    void a_50_ms_slower_ssr_dashboard_is_reported_slower_and_nothing_else_is() throws Exception {
        Path baselineRun = run("baseline", List.of());
        Path candidateRun = run("candidate", List.of("--inject-delay", "/dashboard:50ms"));
        RunResults baseline = ResultsJson.read(baselineRun.resolve("results.json"));
        RunResults candidate = ResultsJson.read(candidateRun.resolve("results.json"));

        // The delay was there, and said so: the candidate's SSR dashboard documents carry the Server-Timing entry.
        assertThat(dashboardTimings(candidate))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).startsWith("injected-delay;dur=").contains("aw-get-account"));
        assertThat(dashboardTimings(baseline))
                .isNotEmpty()
                .noneSatisfy(t -> assertThat(t).contains("injected-delay"));

        BaselineComparison.Result change = BaselineComparison.of(candidate, baseline);
        String table = describe(change);
        assertThat(change.times().judgeable()).as(table).isTrue();
        for (BaselineComparison.Row row : change.rows()) {
            String what = row.flow() + "/" + row.profile() + "/" + row.variant() + ": " + row.sentence() + "\n" + table;
            if (row.variant().equals("ssr") && DASHBOARD_FLOWS.contains(row.flow())) {
                assertThat(row.sentence()).as(what).startsWith("slower by");
            } else if (row.variant().equals("csr")) {
                assertThat(row.sentence()).as(what).doesNotStartWith("slower");
            }
        }
        assertThat(change.rows()).hasSize(2 * FLOWS.size());

        // Identical builds: a run against itself changes nowhere.
        BaselineComparison.Result same = BaselineComparison.of(baseline, baseline);
        assertThat(same.rows())
                .as(describe(same))
                .allSatisfy(r -> assertThat(r.sentence()).isEqualTo("no significant change"));
        assertThat(same.ratioRows()).allSatisfy(r -> assertThat(r.sentence()).doesNotContain(" by "));

        // The report says it too (the CLI a user runs).
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarnessMain.run(
                new String[] {"report", candidateRun.toString(), "--baseline", baselineRun.toString()},
                new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).as("report; stderr:%n%s", err).isZero();
        String html = Files.readString(candidateRun.resolve("report.html"));
        assertThat(html).contains("<section id=\"baseline\">").contains("slower by");

        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .as("every child process is gone")
                .isEmpty();
    }

    /** One short run on loopback against the SSR app launched from a target file with {@code extraArgs}. */
    private Path run(String name, List<String> extraArgs) throws Exception {
        String bundled = Files.readString(TargetFiles.bundled("bundled-ssr.json"));
        String routesAndSelectors =
                bundled.substring(bundled.indexOf("\"routes\""), bundled.indexOf("\"sessionCookie\""));
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-Xmx256m",
                "-jar",
                ServerJars.ssr().toAbsolutePath().toString(),
                "--port",
                "{port}",
                "--host",
                "{host}",
                "--appwrite-endpoint",
                "{appwriteEndpoint}",
                "--project",
                "{projectId}",
                "--upstream-timeout",
                "20s"));
        command.addAll(extraArgs);
        Path file = Files.writeString(dir.resolve(name + "-ssr.json"), """
                {
                  "name": "launched-ssr",
                  "pattern": "ssr",
                  %s
                  "sessionCookie": "authbench_session",
                  "start": {
                    "command": [%s],
                    "apiKeyEnvironment": "APPWRITE_API_KEY",
                    "ready": { "url": "/login" }
                  }
                }
                """.formatted(
                        routesAndSelectors,
                        String.join(
                                ", ",
                                command.stream()
                                        .map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                                        .toList())));
        Path out = dir.resolve(name);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = HarnessMain.run(
                new String[] {
                    "run",
                    "--quick",
                    "--profiles=loopback",
                    "--flows=" + String.join(",", FLOWS),
                    "--pairs=5",
                    "--warmup-pairs=1",
                    "--aa-flow=none",
                    "--server-phase=off",
                    "--filmstrip=off",
                    "--out=" + out,
                    "--target=" + file,
                    "--emulator-jar=" + ServerJars.emulator(),
                    "--csr-jar=" + ServerJars.csr()
                },
                new PrintWriter(stdout),
                new PrintWriter(stderr));
        assertThat(code)
                .as("%s run exit code; stdout:%n%s%nstderr:%n%s", name, stdout, stderr)
                .isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
        return out;
    }

    /** The Server-Timing headers of the SSR dashboard documents of the measured revisit samples. */
    private static List<String> dashboardTimings(RunResults results) {
        return results.samples().stream()
                .filter(s -> !s.warmup()
                        && s.ok()
                        && s.variant().equals("ssr")
                        && s.flow().equals("revisit"))
                .map(Sample::requests)
                .flatMap(List::stream)
                .filter(r -> "/dashboard".equals(r.path()) && "Document".equals(r.resourceType()))
                .map(ObservedRequest::serverTiming)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String describe(BaselineComparison.Result result) {
        StringBuilder text =
                new StringBuilder("time family: common factor " + result.times().common() + ", spread "
                        + result.times().spread() + ", drift " + result.times().drift() + "\n");
        for (BaselineComparison.Row r : result.rows()) {
            text.append(String.format(
                    "  %s/%s/%s: %s -> %s ms, %s%n",
                    r.flow(), r.profile(), r.variant(), r.baselineMedianMs(), r.currentMedianMs(), r.sentence()));
        }
        for (BaselineComparison.RatioRow r : result.ratioRows()) {
            text.append(String.format(
                    "  %s/%s %s: %s -> %s, %s%n",
                    r.flow(), r.profile(), r.pairName(), r.baselineRatio(), r.currentRatio(), r.sentence()));
        }
        return text.toString();
    }
}
