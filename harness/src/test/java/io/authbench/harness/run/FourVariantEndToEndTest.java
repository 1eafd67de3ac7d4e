package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.VariantApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny four-variant run with the real Next.js apps ({@code --nextjs}): one flow, loopback, one pair, no warm-up,
 * no A/A cell, server phase off. It needs the apps built and Node.js >= 20.9, which only the
 * {@code -Dbench.nextjs=true} build guarantees (it builds the nextjs module before the harness), so it runs in that
 * build only and is reported as skipped otherwise; there, apps that are not built fail it (exit 2), never skip it.
 */
@EnabledIfSystemProperty(
        named = "authbench.nextjs",
        matches = "true",
        disabledReason = "needs the Next.js apps: runs in the -Dbench.nextjs=true build, which builds them first")
class FourVariantEndToEndTest {
    private static final Pattern API_KEY = Pattern.compile("standard_[0-9a-f]{64,}");

    @TempDir
    Path dir;

    @Test
    void one_login_pair_of_each_framework_runs_back_to_back_and_is_recorded_with_its_app() throws Exception {
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = HarnessMain.run(
                new String[] {
                    "run",
                    "--nextjs",
                    "--nextjs-dir=" + System.getProperty("authbench.nextjsDir"),
                    "--profiles=loopback",
                    "--flows=login",
                    "--pairs=1",
                    "--warmup-pairs=0",
                    "--aa-flow=none",
                    "--server-phase=off",
                    "--filmstrip=off",
                    "--out=" + out,
                    "--emulator-jar=" + ServerJars.emulator(),
                    "--ssr-jar=" + ServerJars.ssr(),
                    "--csr-jar=" + ServerJars.csr()
                },
                new PrintWriter(stdout),
                new PrintWriter(stderr));

        assertThat(code)
                .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                .isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
        // The console's time-to-content lines keep their columns with the longer variant names: every median
        // (right-aligned before "  (ok/measured)") ends at the same column.
        List<Integer> medianEnds = stdout.toString()
                .lines()
                .filter(l -> l.matches("  \\S+ +\\S+ +(ssr|csr|next-ssr|next-csr) +\\S+  \\(\\d+/\\d+\\)"))
                .map(l -> l.lastIndexOf("  ("))
                .distinct()
                .toList();
        assertThat(medianEnds).as(stdout.toString()).hasSize(1);

        // Four samples, each ok, with the app's server CPU (the launched next start process tree for next-*).
        List<Sample> samples = results.samples().stream()
                .sorted(Comparator.comparing(Sample::startedAt))
                .toList();
        assertThat(samples).extracting(Sample::variant).containsExactlyInAnyOrder("ssr", "csr", "next-ssr", "next-csr");
        for (Sample sample : samples) {
            assertThat(sample.ok())
                    .as("%s failed: %s", sample.variant(), sample.failure())
                    .isTrue();
            assertThat(sample.flow()).isEqualTo("login");
            assertThat(sample.pair()).isZero();
            assertThat(sample.metrics().number(Metric.TIME_TO_CONTENT_MS))
                    .as(sample.variant())
                    .isPresent();
            assertThat(sample.metrics().number(Metric.APP_CPU_MS))
                    .as(sample.variant())
                    .isPresent();
        }
        // In run order: one framework's pair (orders 0, 1), then the other's (orders 0, 1).
        assertThat(samples).extracting(Sample::order).containsExactly(0, 1, 0, 1);
        Set<String> firstPair = Set.of(samples.get(0).variant(), samples.get(1).variant());
        assertThat(Set.of(
                        firstPair,
                        Set.of(samples.get(2).variant(), samples.get(3).variant())))
                .containsExactlyInAnyOrder(Set.of("ssr", "csr"), Set.of("next-ssr", "next-csr"));

        // config: which variants ran and on what.
        assertThat(results.run().config().variants()).containsExactly("ssr", "csr", "next-ssr", "next-csr");
        VariantApp nextSsr = results.run().config().apps().get("next-ssr");
        assertThat(nextSsr.framework()).isEqualTo("nextjs");
        assertThat(nextSsr.pattern()).isEqualTo("ssr");
        assertThat(nextSsr.versions()).containsKeys("next", "react", "node-appwrite", "node");
        assertThat(results.run().config().apps().get("next-csr").versions())
                .containsKey("appwrite")
                .doesNotContainKey("node-appwrite");
        assertThat(results.run().config().apps().get("csr").framework()).isEqualTo("undertow");

        // Each app's logs; every process the run started is gone; the report was written; no key anywhere.
        try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
            assertThat(logs.map(p -> p.getFileName().toString()).toList())
                    .contains(
                            "next-ssr.loopback.stdout.log",
                            "next-csr.loopback.stdout.log",
                            "ssr-app.loopback.stdout.log",
                            "csr-app.loopback.stdout.log");
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(API_KEY.matcher(stdout.toString() + stderr).find()).isFalse();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(API_KEY.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                                .find())
                        .as("an API key in %s", f)
                        .isFalse();
            }
        }
    }
}
