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
import io.authbench.reports.stats.ChangeFamily;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Does the baseline comparison find a slowdown that is known to be there, and only that? Two short real runs on
 * loopback: the baseline with the SSR app as it is, the candidate with the same app started with
 * {@code --inject-delay /dashboard:50ms} (ssr-app's deliberate slowdown), both launched from a target file like any
 * third-party app. The comparison must call the SSR side of a cell whose measured page is {@code /dashboard}
 * (revisit, revisit-cold) slower, as its SSR time or its SSR/CSR paired ratio, and nothing else: no CSR cell slower,
 * no SSR cell of another page slower, no ratio down, no other ratio up; comparing a run with itself must report no
 * change, and the report's HTML must say so.
 *
 * <p>Each run has {@value #BLOCKS} blocks of {@value #PAIRS_PER_BLOCK} pairs (the stack restarted between blocks), so
 * every cell is judged against its own variation between blocks in both runs (the "between blocks" noise model), not
 * against the scatter of the eight cell variants' changes, which the two changed cells themselves would inflate. No
 * timing threshold is asserted other than the comparison's own verdict: 50 ms on a loopback page of about 100 ms is a
 * large effect. The SSR flows that do not measure {@code /dashboard} (navigate measures {@code /profile}, logout the
 * login page) and every CSR cell keep more than half of the time family unchanged, which the estimate of the run-wide
 * factor relies on.
 */
class RegressionDetectionEndToEndTest {
    private static final List<String> FLOWS = List.of("revisit", "revisit-cold", "navigate", "logout");
    /** The flows whose measured SSR page is /dashboard. */
    private static final Set<String> DASHBOARD_FLOWS = Set.of("revisit", "revisit-cold");
    /** Blocks per run: the fewest whose between-block variance is worth estimating (docs/statistics.md#blocks). */
    private static final int BLOCKS = 3;
    /** Measured pairs per cell and block (no warm-up pair: the apps are JIT-warmed before each block). */
    private static final int PAIRS_PER_BLOCK = 4;

    @TempDir
    Path dir;

    // Measured on this 2-core machine, 2026-12-03: quiet, the test took 175 s and found SSR revisit 91 -> 135 ms
    // ("slower by 41 %", Holm p 0.0009) while revisit-cold, 95 -> 132 ms, stayed at Holm p 0.065 (interval
    // 1.10-1.64). With 12 pairs per cell and Holm over eight rows, the seeded model of this design finds both cells
    // in 35 of 40 comparisons (docs/statistics.md#baseline-comparison); the real pages scatter more than the model.
    // So the test asks what the issue asks: the slowdown is reported, in at least one of the two cells it touches,
    // and nothing it does not touch is reported. Under heavy load from other builds (load average 5-9) the pages
    // scattered by 30-40 % between blocks and three runs found nothing; they reported nothing wrongly either.
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
        assertThat(change.times().model()).as(table).isEqualTo(ChangeFamily.NoiseModel.BETWEEN_BLOCKS);
        for (BaselineComparison.Row row : change.rows()) {
            String what = row.flow() + "/" + row.profile() + "/" + row.variant() + ": " + row.sentence() + "\n" + table;
            assertThat(row.noiseModel()).as(what).isEqualTo(ChangeFamily.NoiseModel.BETWEEN_BLOCKS.label());
            if (row.variant().equals("csr")) {
                assertThat(row.sentence()).as(what).doesNotStartWith("slower");
            }
        }
        assertThat(change.rows()).hasSize(2 * FLOWS.size());
        // The slowdown is reported: the SSR side of a dashboard cell came out slower, as its SSR time relative to
        // the run-wide factor or as its SSR/CSR paired ratio (whose CSR side, checked above, did not get slower).
        // The paired ratio cancels the machine's state between the two runs, which the times only remove as the
        // run-wide factor.
        List<String> found = DASHBOARD_FLOWS.stream()
                .filter(flow -> change.rows().stream()
                                .anyMatch(r -> r.flow().equals(flow)
                                        && r.variant().equals("ssr")
                                        && r.sentence().startsWith("slower by"))
                        || change.ratioRows().stream()
                                .anyMatch(r ->
                                        r.flow().equals(flow) && r.sentence().startsWith("ratio up by")))
                .toList();
        assertThat(found)
                .as("dashboard cells with SSR slower or SSR/CSR ratio up%n%s", table)
                .isNotEmpty();
        // ... and nothing the delay does not touch: no SSR cell of another page slower, no ratio of one up.
        assertThat(change.rows())
                .as(table)
                .filteredOn(r -> !DASHBOARD_FLOWS.contains(r.flow()))
                .noneSatisfy(r -> assertThat(r.sentence()).startsWith("slower"));
        assertThat(change.ratioRows())
                .as(table)
                .filteredOn(r -> !DASHBOARD_FLOWS.contains(r.flow()))
                .noneSatisfy(r -> assertThat(r.sentence()).startsWith("ratio up"));
        assertThat(change.ratioRows())
                .as(table)
                .noneSatisfy(r -> assertThat(r.sentence()).startsWith("ratio down"));

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
        assertThat(html)
                .contains("<section id=\"baseline\">")
                .contains("slower by")
                .contains("<td>between blocks</td>");

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
                    "--min-blocks=" + BLOCKS,
                    "--max-blocks=" + BLOCKS,
                    "--pairs-per-block=" + PAIRS_PER_BLOCK,
                    "--warmup-pairs=0",
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
        assertThat(results.samples().stream().map(Sample::blockIndex).distinct())
                .as("%s run: its blocks", name)
                .hasSize(BLOCKS);
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
                new StringBuilder("time family (" + result.times().model().label() + "): common factor "
                        + result.times().common() + ", spread " + result.times().spread() + ", drift "
                        + result.times().drift() + "\n");
        for (BaselineComparison.Row r : result.rows()) {
            text.append(String.format(
                    "  %s/%s/%s: %s -> %s ms, relative %s %s, Holm p %s, %s%n",
                    r.flow(),
                    r.profile(),
                    r.variant(),
                    r.baselineMedianMs(),
                    r.currentMedianMs(),
                    r.change(),
                    r.interval(),
                    r.holmP(),
                    r.sentence()));
        }
        for (BaselineComparison.RatioRow r : result.ratioRows()) {
            text.append(String.format(
                    "  %s/%s %s: %s -> %s, %s%n",
                    r.flow(), r.profile(), r.pairName(), r.baselineRatio(), r.currentRatio(), r.sentence()));
        }
        return text.toString();
    }
}
