package io.authbench.serverbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.LoadStep;
import io.authbench.serverbench.load.LadderResult;
import io.authbench.serverbench.load.LadderSettings;
import io.authbench.serverbench.stack.StackJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;

/**
 * The phase with the Next.js apps: real {@code next start} processes of the production builds in {@code nextjs/},
 * measured like the bundled apps. Runs under {@code -Dbench.nextjs=true} (which builds the apps first), where missing
 * apps fail it; without that flag it is skipped, as the nextjs module's own tests are not run.
 */
class ServerCostPhaseNextjsTest {
    @TempDir
    Path runFolder;

    @Test
    void the_phase_measures_next_ssr_and_next_csr_with_their_server_cpu_and_leaves_nothing_running() throws Exception {
        assumeTrue(
                Boolean.parseBoolean(System.getProperty("bench.nextjs", "false")),
                "the Next.js apps are built and measured only with -Dbench.nextjs=true");
        Path nextjs = Path.of(System.getProperty("serverbench.nextjsDir", "missing-serverbench.nextjsDir"));
        for (String app : List.of("ssr", "csr")) {
            assertThat(nextjs.resolve(app).resolve(".next/BUILD_ID"))
                    .as(
                            "-Dbench.nextjs=true: the Next.js app %s must be built (mvn -B -q -pl nextjs -am verify"
                                    + " -Dbench.nextjs=true -DskipTests)",
                            app)
                    .isRegularFile();
        }
        StackJars jars =
                new StackJars(jar("serverbench.emulatorJar"), jar("serverbench.ssrJar"), jar("serverbench.csrJar"));
        assertThat(List.of(jars.emulatorJar(), jars.ssrJar(), jars.csrJar()))
                .allSatisfy(j -> assertThat(j).isRegularFile());
        ServerCostSettings quick = ServerCostSettings.quick(jars);
        ServerCostSettings settings = quick.withServerWarmup(Duration.ofSeconds(1))
                .withUsers(2, 1)
                .withJmh(quick.jmh()
                        .withInclude("NextSsrBenchmarks\\.dashboard$|NextCsrBenchmarks\\.")
                        .withThreads(List.of(1))
                        .withModes(List.of(Mode.SampleTime))
                        .withIterations(1, Duration.ofSeconds(1), 1, Duration.ofSeconds(1)))
                .withLadder(new LadderSettings(
                        List.of(5.0, 10.0),
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        10_000,
                        0.0,
                        16,
                        Duration.ofSeconds(10)))
                .withNextjs(nextjs);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        ServerCostResult result =
                ServerCostPhase.run(settings, runFolder, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.notes())
                .as(progress.toString(StandardCharsets.UTF_8))
                .noneMatch(n -> n.contains("not measured") || n.contains("failed"));
        assertThat(result.jmh())
                .extracting(JmhResult::benchmark, JmhResult::variant)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("NextSsrBenchmarks.dashboard", "next-ssr"),
                        Tuple.tuple("NextCsrBenchmarks.dashboardHtml", "next-csr"),
                        Tuple.tuple("NextCsrBenchmarks.scripts", "next-csr"));
        assertThat(result.jmh()).allSatisfy(r -> {
            assertThat(r.score()).isPositive();
            assertThat(r.serverCpuAppMsPerOp())
                    .as("%s: the app's process-tree CPU per operation", r.benchmark())
                    .isNotNull()
                    .isPositive();
            assertThat(r.serverCpuAppwriteMsPerOp()).isNotNull();
        });

        assertThat(result.ladders())
                .extracting(LadderResult::variant)
                .containsExactly("ssr", "csr", "next-ssr", "next-csr");
        for (String variant : List.of("next-ssr", "next-csr")) {
            LadderResult ladder = result.ladder(variant).orElseThrow();
            assertThat(ladder.stoppedByFault()).as(ladder.stopReason()).isFalse();
            assertThat(ladder.steps()).hasSize(2).allSatisfy(step -> {
                assertThat(step.outcome().errors()).isEmpty();
                assertThat(step.outcome().succeeded()).isEqualTo(step.outcome().planned());
                assertThat(step.appCpuMsPerView()).isNotNull();
                assertThat(step.appwriteCpuMsPerView()).isNotNull();
                assertThat(runFolder.resolve(step.histogramFile())).isRegularFile();
            });
            assertThat(ladder.steps().stream()
                            .mapToDouble(s -> s.appCpuMsPerView())
                            .sum())
                    .as("%s renders a page per view: its server spends CPU on it", variant)
                    .isPositive();
            assertThat(result.serverCpuPerPageViewMillis(variant))
                    .isPresent()
                    .get()
                    .satisfies(ms -> assertThat(ms).isPositive());
        }
        assertThat(result.load())
                .extracting(LoadStep::variant)
                .containsSubsequence("next-ssr", "next-ssr", "next-csr", "next-csr");
        assertThat(result.settingsForResults())
                .containsEntry(
                        "serverBench.variants",
                        "ssr, csr, next-ssr, next-csr (the Next.js apps as next start processes)");

        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .isEmpty();
        assertNoSecretsIn(runFolder);
        assertNoSecretsIn(progress.toString(StandardCharsets.UTF_8));
    }

    private static Path jar(String property) {
        String value = System.getProperty(property, "");
        return Path.of(value.isEmpty() ? "missing-" + property : value);
    }

    private static void assertNoSecretsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoSecretsIn(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static void assertNoSecretsIn(String text) {
        assertThat(text).doesNotContain("standard_").doesNotContain("eyJpZCI6").doesNotContain("authbench_session=");
    }
}
