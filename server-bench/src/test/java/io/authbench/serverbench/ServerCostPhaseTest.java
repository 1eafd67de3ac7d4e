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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;

/**
 * The whole phase against the real emulator, ssr-app and csr-app jars (built first by the reactor), in its smallest
 * setting: one JMH benchmark, two short ladder steps per variant.
 */
class ServerCostPhaseTest {
    @TempDir
    Path runFolder;

    @Test
    void the_phase_measures_both_variants_against_the_real_servers_and_leaves_nothing_running() throws Exception {
        StackJars jars =
                new StackJars(jar("serverbench.emulatorJar"), jar("serverbench.ssrJar"), jar("serverbench.csrJar"));
        assumeTrue(
                Files.isRegularFile(jars.emulatorJar())
                        && Files.isRegularFile(jars.ssrJar())
                        && Files.isRegularFile(jars.csrJar()),
                "the servers' jars are built by the reactor (mvn verify)");
        ServerCostSettings quick = ServerCostSettings.quick(jars);
        ServerCostSettings settings = quick.withServerWarmup(Duration.ofSeconds(1))
                .withUsers(3, 1)
                .withJmh(quick.jmh()
                        .withInclude("AppwriteSdkBenchmarks\\.accountGet$|SsrBenchmarks\\.login$")
                        .withThreads(List.of(1))
                        .withModes(List.of(Mode.SampleTime))
                        .withIterations(1, Duration.ofSeconds(1), 1, Duration.ofSeconds(1)))
                .withLadder(new LadderSettings(
                        List.of(10.0, 20.0),
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        10_000,
                        0.0,
                        16,
                        Duration.ofSeconds(10)));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        ServerCostResult result =
                ServerCostPhase.run(settings, runFolder, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.notes()).noneMatch(n -> n.contains("failed"));
        assertThat(result.jmh())
                .extracting(JmhResult::benchmark)
                .containsExactlyInAnyOrder("AppwriteSdkBenchmarks.accountGet", "SsrBenchmarks.login");
        assertThat(result.jmh())
                .filteredOn(r -> r.benchmark().equals("SsrBenchmarks.login"))
                .singleElement()
                .satisfies(r -> assertThat(r.serverCpuAppMsPerOp()).isNotNull());
        assertThat(result.jmh())
                .filteredOn(r -> r.benchmark().startsWith("Appwrite"))
                .singleElement()
                .satisfies((JmhResult r) -> {
                    assertThat(r.variant()).isEqualTo("appwrite");
                    assertThat(r.mode()).isEqualTo("sample");
                    assertThat(r.score()).isPositive();
                    assertThat(r.serverCpuAppMsPerOp()).isNull();
                    assertThat(r.serverCpuAppwriteMsPerOp()).isNotNull().isGreaterThanOrEqualTo(0.0);
                });
        assertThat(result.jmhSamples())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.p50Ms()).isPositive());
        String jmhJson = Files.readString(runFolder.resolve(result.jmhResultFile()));
        assertThat(jmhJson)
                .contains("\"serverCpuAppwrite\"")
                .contains("\"serverJitAppwrite\"")
                .contains("\"clientCpu\"")
                .contains("AppwriteSdkBenchmarks.accountGet");

        assertThat(result.ladders()).extracting(LadderResult::variant).containsExactly("ssr", "csr");
        for (LadderResult ladder : result.ladders()) {
            assertThat(ladder.stoppedByFault()).as(ladder.stopReason()).isFalse();
            assertThat(ladder.steps()).hasSize(2);
            assertThat(ladder.steps()).allSatisfy(step -> {
                assertThat(step.outcome().errors()).isEmpty();
                assertThat(step.outcome().succeeded()).isEqualTo(step.outcome().planned());
                assertThat(step.appCpuMsPerView()).isNotNull();
                assertThat(step.appwriteCpuMsPerView()).isNotNull();
                assertThat(runFolder.resolve(step.histogramFile())).isRegularFile();
            });
        }
        assertThat(result.load()).hasSize(4).extracting(LoadStep::variant).containsExactly("ssr", "ssr", "csr", "csr");
        assertThat(result.load()).allSatisfy(step -> {
            assertThat(step.errorsByKind()).isEmpty();
            assertThat(step.appCpuMsPerView()).isNotNull();
            assertThat(step.appwriteCpuMsPerView()).isNotNull();
            assertThat(step.sustained())
                    .as("recorded (whether 95 % of a 1 s step's rate was met depends on the machine)")
                    .isNotNull();
        });
        assertThat(result.load())
                .extracting(LoadStep::stopReason)
                .satisfiesExactly(
                        r -> assertThat(r).isNull(), r -> assertThat(r).startsWith("Every rate up to 20/s"),
                        r -> assertThat(r).isNull(), r -> assertThat(r).startsWith("Every rate up to 20/s"));
        assertThat(result.serverCpuPerPageViewMillis("ssr")).isPresent();
        assertThat(result.notes()).anyMatch(n -> n.contains("--password-hash appwrite"));

        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .isEmpty();
        assertNoSecretsIn(runFolder);
        assertNoSecretsIn(progress.toString(StandardCharsets.UTF_8));
    }

    private static Path jar(String property) {
        String value = System.getProperty(property, "");
        return Path.of(value.isEmpty() ? "missing-" + property : value);
    }

    /** API keys start with standard_, session values are base64 of {"id": ...}: none may reach a file or the console. */
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
