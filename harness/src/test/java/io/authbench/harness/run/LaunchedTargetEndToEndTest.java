package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.harness.apptarget.TargetFiles;
import io.authbench.reports.results.CalibratedLink;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launched target under shaped profiles: the SSR app described by a target file with {@code start}
 * ({@code java -jar ssr-app.jar}, as a user would describe any server), launched by the harness per profile behind
 * the profile's links, against the bundled CSR app; quick, on {@code loopback} and {@code slow-4g}.
 */
class LaunchedTargetEndToEndTest {
    /** An Appwrite API key as the harness generates them. */
    private static final Pattern API_KEY = Pattern.compile("standard_[0-9a-f]{64,}");

    @TempDir
    Path dir;

    @Test
    void a_launched_ssr_target_and_the_bundled_csr_app_run_quick_on_loopback_and_slow_4g() throws Exception {
        // The bundled SSR app's page contract, started from its jar by the target file's command.
        String selectors = Files.readString(TargetFiles.bundled("bundled-ssr.json"));
        String routesAndSelectors =
                selectors.substring(selectors.indexOf("\"routes\""), selectors.indexOf("\"sessionCookie\""));
        Path file = Files.writeString(dir.resolve("launched-ssr.json"), """
                {
                  "name": "launched-ssr",
                  "pattern": "ssr",
                  %s
                  "sessionCookie": "authbench_session",
                  "start": {
                    "command": ["java", "-Xmx256m", "-jar", "%s", "--port", "{port}", "--host", "{host}",
                                "--appwrite-endpoint", "{appwriteEndpoint}", "--project", "{projectId}", "--upstream-timeout", "20s"],
                    "apiKeyEnvironment": "APPWRITE_API_KEY",
                    "ready": { "url": "/login" }
                  }
                }
                """.formatted(
                        routesAndSelectors, ServerJars.ssr().toAbsolutePath()));
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = HarnessMain.run(
                new String[] {
                    "run",
                    "--quick",
                    "--profiles=loopback,slow-4g",
                    "--flows=login,guard",
                    "--pairs=1",
                    "--aa-flow=none",
                    "--out=" + out,
                    "--target=" + file,
                    "--emulator-jar=" + ServerJars.emulator(),
                    "--csr-jar=" + ServerJars.csr()
                },
                new PrintWriter(stdout),
                new PrintWriter(stderr));

        assertThat(code)
                .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                .isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
        List<Sample> samples = results.samples();
        assertThat(samples).hasSize(8);
        for (Sample sample : samples) {
            String what = sample.flow() + " " + sample.profile() + " " + sample.variant();
            assertThat(sample.ok()).as("%s failed: %s", what, sample.failure()).isTrue();
            // Server CPU of the launched process (and of the bundled CSR app), measured like the bundled apps'.
            assertThat(sample.metrics().number(Metric.APP_CPU_MS)).as(what).isPresent();
        }
        // slow-4g's links were shaped and calibrated like the bundled apps'.
        List<CalibratedLink> slow = results.links().stream()
                .filter(l -> l.profile().equals("slow-4g"))
                .toList();
        assertThat(slow)
                .extracting(CalibratedLink::link)
                .containsExactly(NetworkLink.BROWSER_APP, NetworkLink.BROWSER_APPWRITE, NetworkLink.APP_APPWRITE);
        assertThat(slow)
                .allSatisfy(l -> assertThat(l.measuredRttMs())
                        .isGreaterThan(l.configured().rttMs() * 0.8));
        assertThat(results.run().config().settings())
                .containsEntry("target.ssr.name", "launched-ssr")
                .containsEntry("target.csr.name", "bundled-csr")
                .doesNotContainKey("network")
                .hasEntrySatisfying("serverPhase", v -> assertThat(v).startsWith("skipped: "));

        // The launched app's logs per profile, and every process it started is gone.
        try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
            assertThat(logs.map(p -> p.getFileName().toString()).toList())
                    .contains(
                            "launched-ssr.loopback.stdout.log",
                            "launched-ssr.slow-4g.stdout.log",
                            "csr-app.slow-4g.stdout.log");
        }
        assertThat(Files.readString(out.resolve("logs/launched-ssr.slow-4g.stdout.log")))
                .contains("LISTENING");
        Matcher pids =
                Pattern.compile("launched-ssr \\(launched, pid (\\d+)\\)").matcher(stdout.toString());
        int launched = 0;
        while (pids.find()) {
            launched++;
            assertThat(ProcessHandle.of(Long.parseLong(pids.group(1))).filter(ProcessHandle::isAlive))
                    .isEmpty();
        }
        assertThat(launched).as("one launch per profile").isEqualTo(2);
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();

        // authbench run wrote the report; no API key in it, in results.json, the logs or the console.
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
