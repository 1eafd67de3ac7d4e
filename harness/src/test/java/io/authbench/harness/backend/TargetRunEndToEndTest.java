package io.authbench.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.harness.apptarget.TargetFiles;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target-file path with the bundled apps: the test starts the emulator (as an external Appwrite) and both apps
 * as processes of their own, the way a user would by hand, and gives the harness only targets/bundled-*.json with
 * the apps' real ports as --target-base-url overrides. One pair each of login, navigate and guard on loopback.
 */
class TargetRunEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void the_bundled_apps_run_as_targets_give_ok_samples_measured_by_element_timing() throws Exception {
        String apiKey = "standard_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16)) + "cd".repeat(112);
        Path keyFile = Files.writeString(dir.resolve("appwrite.key"), apiKey + "\n");
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        try (DetachedEmulator appwrite = DetachedEmulator.start(dir, apiKey)) {
            // One host name for the pages and Appwrite keeps CSR's Appwrite cookie same-site
            // (docs/measurement-model.md#cookies-across-hosts).
            String api = "http://localhost:" + appwrite.api().getPort() + "/v1";
            List<String> common =
                    List.of("--port", "0", "--host", "127.0.0.1", "--appwrite-endpoint", api, "--project", "authbench");
            try (DetachedApp ssr = DetachedApp.start(
                            dir, "ssr-app", ServerJars.ssr(), common, Map.of("APPWRITE_API_KEY", apiKey));
                    DetachedApp csr = DetachedApp.start(dir, "csr-app", ServerJars.csr(), common, Map.of())) {
                String ssrBase = "http://localhost:" + ssr.url().getPort();
                String csrBase = "http://localhost:" + csr.url().getPort();
                int code = HarnessMain.run(
                        new String[] {
                            "run",
                            "--flows=login,navigate,guard",
                            "--pairs=1",
                            "--warmup-pairs=0",
                            "--aa-flow=none",
                            "--server-phase=off",
                            "--out=" + out,
                            "--appwrite-endpoint=" + api,
                            "--appwrite-project=authbench",
                            "--appwrite-key-file=" + keyFile,
                            "--target",
                            TargetFiles.bundled("bundled-ssr.json").toString(),
                            "--target",
                            TargetFiles.bundled("bundled-csr.json").toString(),
                            "--target-base-url",
                            "bundled-ssr=" + ssrBase,
                            "--target-base-url",
                            "bundled-csr=" + csrBase
                        },
                        new PrintWriter(stdout),
                        new PrintWriter(stderr));

                assertThat(code)
                        .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                        .isZero();
                assertThat(stdout.toString())
                        .contains("targets: SSR bundled-ssr at " + ssrBase + ", CSR bundled-csr at " + csrBase)
                        .contains("link calibration: not applicable");
                // The harness started no app (no app logs) and stopped none: the apps are the user's.
                try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
                    assertThat(logs.map(p -> p.getFileName().toString()).toList())
                            .noneMatch(name -> name.startsWith("ssr-app")
                                    || name.startsWith("csr-app")
                                    || name.startsWith("appwrite-emulator"));
                }
                assertThat(ProcessHandle.of(ssr.pid()))
                        .as("the SSR target survives the run")
                        .isPresent();
                assertThat(ProcessHandle.of(csr.pid()))
                        .as("the CSR target survives the run")
                        .isPresent();

                RunResults results = ResultsJson.read(out.resolve("results.json"));
                assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
                assertThat(results.run().config().profiles()).containsExactly("loopback");
                assertThat(results.run().config().settings())
                        .containsEntry("target.ssr.name", "bundled-ssr")
                        .containsEntry("target.csr.name", "bundled-csr")
                        .containsEntry("target.ssr.baseUrl", ssrBase)
                        .containsEntry("target.csr.baseUrl", csrBase)
                        .hasEntrySatisfying("network", v -> assertThat(v).startsWith("not emulated"))
                        .hasEntrySatisfying(
                                "linkCalibration", v -> assertThat(v).startsWith("not applicable"))
                        .hasEntrySatisfying(
                                "target.ssr.session", v -> assertThat(v).startsWith("session cookie authbench_session"))
                        .doesNotContainKey("calibrationPings");
                assertThat(results.links()).isEmpty();
                List<Sample> samples = results.samples();
                assertThat(samples).hasSize(6);
                assertThat(samples).extracting(Sample::variant).containsOnly("ssr", "csr");
                for (Sample sample : samples) {
                    String what = sample.flow() + " " + sample.variant();
                    assertThat(sample.ok())
                            .as("%s failed: %s", what, sample.failure())
                            .isTrue();
                    assertThat(sample.metrics().number(Metric.TIME_TO_CONTENT_MS))
                            .as(what)
                            .isPresent();
                    assertThat(sample.metrics()
                                    .number(Metric.TIME_TO_CONTENT_MS)
                                    .getAsDouble())
                            .as(what)
                            .isPositive();
                    assertThat(sample.timeToContentMethod()).as(what).isEqualTo(Sample.ELEMENT_TIMING);
                    // No serverPid in the bundled target files: app CPU not measured (absent, never 0); nor Appwrite's.
                    assertThat(sample.metrics().number(Metric.APP_CPU_MS))
                            .as(what)
                            .isEmpty();
                    assertThat(sample.metrics().number(Metric.APPWRITE_CPU_MS))
                            .as(what)
                            .isEmpty();
                    // Destinations by host and port: the SSR app's requests are counted as the app's (CSR's in-app
                    // navigation makes none).
                    assertThat(sample.metrics().number(Metric.REQUESTS_APP))
                            .as(what)
                            .isPresent();
                    if (sample.variant().equals("ssr")) {
                        assertThat(sample.metrics().number(Metric.REQUESTS_APP).getAsDouble())
                                .as(what)
                                .isPositive();
                    }
                }
                Sample csrLogin = samples.stream()
                        .filter(s -> s.flow().equals("login") && s.variant().equals("csr"))
                        .findFirst()
                        .orElseThrow();
                assertThat(csrLogin.metrics()
                                .number(Metric.APPWRITE_CALLS_BROWSER)
                                .getAsDouble())
                        .isGreaterThanOrEqualTo(2);
                // App→Appwrite calls of a target come from its Server-Timing only: the SSR app announces them; the
                // CSR app sends none, so for it they are not measured (absent, never 0).
                Sample ssrLogin = samples.stream()
                        .filter(s -> s.flow().equals("login") && s.variant().equals("ssr"))
                        .findFirst()
                        .orElseThrow();
                assertThat(ssrLogin.metrics()
                                .number(Metric.APPWRITE_CALLS_SERVER)
                                .getAsDouble())
                        .isGreaterThanOrEqualTo(2);
                assertThat(csrLogin.metrics().number(Metric.APPWRITE_CALLS_SERVER))
                        .isEmpty();
                assertThat(csrLogin.metrics().number(Metric.SERVER_TIMING_MS)).isEmpty();
                assertThat(results.cells())
                        .allSatisfy(c -> assertThat(c.okSamples()).isEqualTo(1));

                // The report renders a target run, and the key is nowhere in the run folder or the output.
                int reportCode = HarnessMain.run(
                        new String[] {"report", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));
                assertThat(reportCode).as("report; stderr:%n%s", stderr).isZero();
                String html = Files.readString(out.resolve("report.html"));
                assertThat(html)
                        .doesNotContain("(observer)")
                        .contains("Link calibration: not applicable: no links")
                        .contains(
                                "target.ssr.session session cookie authbench_session: set-up injects a Users API session;"
                                        + " cookie check applied")
                        .contains("network not emulated: ");
                assertThat(stdout.toString() + stderr).doesNotContain(apiKey);
                try (Stream<Path> files = Files.walk(out)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                                .as(file.toString())
                                .doesNotContain(apiKey);
                    }
                }
            }
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }

    /**
     * An SSR target without {@code sessionCookie} (as a foreign app's file may be): set-up signs in through its login
     * form, the cookie check is recorded as not applied, and {@code serverPid} gives the app's server CPU.
     */
    @Test
    void an_ssr_target_without_its_session_cookie_signs_in_through_its_form_and_a_server_pid_gives_app_cpu()
            throws Exception {
        String apiKey = "standard_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16)) + "ef".repeat(112);
        Path keyFile = Files.writeString(dir.resolve("appwrite.key"), apiKey + "\n");
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        try (DetachedEmulator appwrite = DetachedEmulator.start(dir, apiKey)) {
            String api = "http://localhost:" + appwrite.api().getPort() + "/v1";
            List<String> common =
                    List.of("--port", "0", "--host", "127.0.0.1", "--appwrite-endpoint", api, "--project", "authbench");
            try (DetachedApp ssr = DetachedApp.start(
                            dir, "ssr-app", ServerJars.ssr(), common, Map.of("APPWRITE_API_KEY", apiKey));
                    DetachedApp csr = DetachedApp.start(dir, "csr-app", ServerJars.csr(), common, Map.of())) {
                String ssrFile = Files.readString(TargetFiles.bundled("bundled-ssr.json"))
                        .replace("\"sessionCookie\": \"authbench_session\"", "\"serverPid\": " + ssr.pid())
                        .replace(
                                "http://localhost:3001",
                                "http://localhost:" + ssr.url().getPort());
                assertThat(ssrFile).doesNotContain("sessionCookie");
                Path ssrTarget = Files.writeString(dir.resolve("form-ssr.json"), ssrFile);
                int code = HarnessMain.run(
                        new String[] {
                            "run",
                            "--flows=navigate",
                            "--pairs=1",
                            "--warmup-pairs=0",
                            "--aa-flow=none",
                            "--server-phase=off",
                            "--out=" + out,
                            "--appwrite-endpoint=" + api,
                            "--appwrite-project=authbench",
                            "--appwrite-key-file=" + keyFile,
                            "--target=" + ssrTarget + "," + TargetFiles.bundled("bundled-csr.json"),
                            "--target-base-url=bundled-csr=http://localhost:"
                                    + csr.url().getPort()
                        },
                        new PrintWriter(stdout),
                        new PrintWriter(stderr));

                assertThat(code)
                        .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                        .isZero();
                RunResults results = ResultsJson.read(out.resolve("results.json"));
                assertThat(results.run().config().settings())
                        .hasEntrySatisfying(
                                "target.ssr.session", v -> assertThat(v).contains("cookie check is NOT applied"))
                        .containsEntry("target.ssr.serverCpu", "measured: process " + ssr.pid() + " on this machine");
                for (Sample sample : results.samples()) {
                    assertThat(sample.ok())
                            .as("%s failed: %s", sample.variant(), sample.failure())
                            .isTrue();
                    assertThat(sample.timeToContentMethod()).isEqualTo(Sample.ELEMENT_TIMING);
                }
                Sample ssrSample = results.samples().stream()
                        .filter(s -> s.variant().equals("ssr"))
                        .findFirst()
                        .orElseThrow();
                Sample csrSample = results.samples().stream()
                        .filter(s -> s.variant().equals("csr"))
                        .findFirst()
                        .orElseThrow();
                assertThat(ssrSample.metrics().number(Metric.APP_CPU_MS))
                        .as("serverPid given")
                        .isPresent();
                assertThat(csrSample.metrics().number(Metric.APP_CPU_MS))
                        .as("no serverPid")
                        .isEmpty();
                // The form sign-in is set-up: the measured navigate starts signed in; the SSR app logged one sign-in.
                assertThat(appwrite.log()).contains("POST /v1/account/sessions/email");
            }
        }
    }

    @Test
    void a_target_that_does_not_answer_ends_the_run_at_once_naming_it() throws Exception {
        String apiKey = "standard_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16)) + "ef".repeat(112);
        Path keyFile = Files.writeString(dir.resolve("appwrite.key"), apiKey + "\n");
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        try (DetachedEmulator appwrite = DetachedEmulator.start(dir, apiKey);
                ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Accepts connections (the kernel's backlog) but never answers: a hung app, as a target.
            String api = "http://localhost:" + appwrite.api().getPort() + "/v1";
            String hung = "http://localhost:" + silent.getLocalPort();
            int code = HarnessMain.run(
                    new String[] {
                        "run",
                        "--flows=guard",
                        "--pairs=1",
                        "--warmup-pairs=0",
                        "--aa-flow=none",
                        "--server-phase=off",
                        "--out=" + out,
                        "--appwrite-endpoint=" + api,
                        "--appwrite-project=authbench",
                        "--appwrite-key-file=" + keyFile,
                        "--target",
                        TargetFiles.bundled("bundled-ssr.json").toString(),
                        "--target",
                        TargetFiles.bundled("bundled-csr.json").toString(),
                        "--target-base-url",
                        "bundled-ssr=" + hung,
                        "--target-base-url",
                        "bundled-csr=" + hung
                    },
                    new PrintWriter(stdout),
                    new PrintWriter(stderr));

            String console = stdout + "\n" + stderr;
            assertThat(code).as(console).isNotZero();
            // The probe's real exception, not just "does not answer": here the silent socket's timeout.
            assertThat(console)
                    .contains("bundled-ssr does not answer GET " + hung
                            + "/login within 5 s (java.net.http.HttpTimeoutException")
                    .contains("--target-base-url bundled-ssr=<url>");
            RunResults results = ResultsJson.read(out.resolve("results.json"));
            assertThat(results.samples())
                    .as("nothing was measured against a target that does not answer")
                    .allMatch(sample -> !sample.ok());
        }
    }
}
