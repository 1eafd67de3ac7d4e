package io.authbench.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.harness.apptarget.Target;
import io.authbench.harness.apptarget.TargetFile;
import io.authbench.harness.apptarget.TargetFiles;
import io.authbench.harness.flow.AppTarget;
import io.authbench.harness.flow.Flow;
import io.authbench.harness.flow.FlowRunner;
import io.authbench.harness.flow.IterationOutcome;
import io.authbench.harness.flow.IterationSettings;
import io.authbench.harness.flow.LinkShaping;
import io.authbench.harness.flow.TestUser;
import io.authbench.harness.measure.Destinations;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.support.browser.Browsers;
import io.authbench.support.browser.LaunchSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Target mode against an app written the way third-party apps are (src/test/node/welcome-app: greets "Welcome back,
 * {name}!", has no profile page, sets a SameSite=Strict cookie, answers a bad login with a 500 page, drops h2c
 * upgrades, no elementtiming), next to the bundled CSR app: the name match {@code contains} passes the signed-in
 * flows and the no-js flow, navigate is skipped with its reason (recorded and shown in the report), the Strict cookie
 * passes and is recorded, and a wrong password ends the login at once with the app's HTTP 500.
 */
class ThirdPartyTargetEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void a_foreign_ssr_app_runs_with_contains_skips_navigate_and_a_bad_login_fails_fast_with_its_status()
            throws Exception {
        String apiKey = "standard_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16)) + "ab".repeat(112);
        Path keyFile = Files.writeString(dir.resolve("appwrite.key"), apiKey + "\n");
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        try (DetachedEmulator appwrite = DetachedEmulator.start(dir, apiKey)) {
            String api = "http://localhost:" + appwrite.api().getPort() + "/v1";
            List<String> common =
                    List.of("--port", "0", "--host", "127.0.0.1", "--appwrite-endpoint", api, "--project", "authbench");
            try (WelcomeApp welcome = WelcomeApp.start(dir, api, "authbench", apiKey);
                    DetachedApp csr = DetachedApp.start(dir, "csr-app", ServerJars.csr(), common, Map.of())) {
                String welcomeBase = "http://localhost:" + welcome.url().getPort();
                Path welcomeTarget = Files.writeString(dir.resolve("welcome.json"), """
                        {
                          "name": "welcome-ssr",
                          "pattern": "ssr",
                          "baseUrl": "%s",
                          "routes": { "login": "/signin", "dashboard": "/home" },
                          "selectors": { "email": "#email", "password": "#password", "submit": "#go",
                                         "userName": "h1.greeting", "logout": "#signout", "loginHeading": "main h2" },
                          "sessionCookie": "wa_session",
                          "nameMatch": "contains"
                        }
                        """.formatted(welcomeBase));
                int code = HarnessMain.run(
                        new String[] {
                            "run",
                            "--flows=login,revisit-cold,guard,logout,no-js,navigate",
                            "--pairs=1",
                            "--warmup-pairs=0",
                            "--aa-flow=none",
                            "--server-phase=off",
                            "--out=" + out,
                            "--appwrite-endpoint=" + api,
                            "--appwrite-project=authbench",
                            "--appwrite-key-file=" + keyFile,
                            "--target",
                            welcomeTarget.toString(),
                            "--target",
                            TargetFiles.bundled("bundled-csr.json").toString(),
                            "--target-base-url",
                            "bundled-csr=http://localhost:" + csr.url().getPort()
                        },
                        new PrintWriter(stdout),
                        new PrintWriter(stderr));

                String console = "stdout:\n" + stdout + "\nstderr:\n" + stderr;
                assertThat(code).as(console).isZero();
                String reason =
                        "navigate needs selectors.profileLink and selectors.profileName, which target welcome-ssr ("
                                + welcomeTarget + ") does not give";
                assertThat(stdout.toString()).contains("flow navigate skipped: " + reason);
                RunResults results = ResultsJson.read(out.resolve("results.json"));
                assertThat(results.run().config().skippedFlows()).containsExactly(Map.entry("navigate", reason));
                assertThat(results.run().config().settings())
                        .containsEntry("target.ssr.nameMatch", "contains")
                        .containsEntry("target.csr.nameMatch", "exact");
                List<Sample> samples = results.samples();
                assertThat(samples)
                        .as("no iteration spent on the skipped flow")
                        .noneMatch(s -> s.flow().equals("navigate"));
                assertThat(samples).hasSize(10);
                for (Sample sample : samples) {
                    assertThat(sample.ok())
                            .as("%s %s failed: %s", sample.flow(), sample.variant(), sample.failure())
                            .isTrue();
                }
                Sample ssrLogin = sample(samples, "login", "ssr");
                assertThat(ssrLogin.timeToContentMethod()).isEqualTo(Sample.OBSERVER);
                assertThat(ssrLogin.checks().get("sessionCookie"))
                        .startsWith("wa_session: HttpOnly, not Secure, SameSite=Strict, Path=/");
                assertThat(sample(samples, "logout", "ssr").checks())
                        .containsEntry("sessionCookie", "wa_session: absent");
                Sample ssrNoJs = sample(samples, "no-js", "ssr");
                assertThat(ssrNoJs.metrics().flag(Metric.CONTENT_WITHOUT_JS))
                        .as(ssrNoJs.checks().toString())
                        .hasValue(true);
                assertThat(ssrNoJs.checks().get("contentWithoutJs")).contains("shows 'Welcome back, ");
                assertThat(sample(samples, "no-js", "csr").metrics().flag(Metric.CONTENT_WITHOUT_JS))
                        .hasValue(false);

                int reportCode = HarnessMain.run(
                        new String[] {"report", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));
                assertThat(reportCode).as(console).isZero();
                String html = Files.readString(out.resolve("report.html"));
                assertThat(html).contains("Flow navigate skipped: navigate needs selectors.profileLink");
                assertThat(html).containsPattern("<th scope=\"row\">SEO</th>[^\\n]*v-confirmed");

                // A wrong password: the app answers the form's POST with a 500 page, no known element; the login
                // ends on that status, not at the iteration's timeout.
                Target target = TargetFile.read(welcomeTarget);
                assertThat(badLogin(target, api)).satisfies(outcome -> {
                    assertThat(outcome.ok()).isFalse();
                    assertThat(outcome.failure())
                            .startsWith("expected the user-name element (h1.greeting) but POST /signin"
                                    + " answered HTTP 500 (the page /signin shows '500: Internal Server Error')");
                });
                assertThat(stdout.toString() + stderr + Files.readString(out.resolve("results.json")))
                        .doesNotContain(apiKey);
            }
        }
    }

    private static Sample sample(List<Sample> samples, String flow, String variant) {
        return samples.stream()
                .filter(s -> s.flow().equals(flow) && s.variant().equals(variant))
                .findFirst()
                .orElseThrow();
    }

    /**
     * One login iteration with a password Appwrite refuses; a long timeout, so a timeout could not pass for the 500.
     * Its browser is launched here, after the in-process harness run, and not by test-support's BrowserExtension:
     * the harness stops every child process of this JVM when a run ends, a browser launched before it included.
     */
    private static IterationOutcome badLogin(Target target, String api) {
        try (Playwright playwright = Browsers.createPlaywright()) {
            Browser browser = Browsers.launchChromium(playwright, LaunchSettings.defaults());
            IterationSettings settings = new IterationSettings(
                    Destinations.byOrigin(List.of(URI.create(target.baseUrl())), List.of(URI.create(api))),
                    1,
                    120_000,
                    "authbench",
                    null,
                    -1,
                    URI.create(api),
                    user -> {
                        throw new AssertionError("the login flow needs no set-up session");
                    },
                    LinkShaping.NONE);
            TestUser stranger = new TestUser("nobody", "nobody@example.com", "wrong-password-123", "No Body");
            return new FlowRunner(browser, settings).run(Flow.LOGIN, new AppTarget("ssr", target), stranger);
        }
    }

    /**
     * The welcome app as a process of its own, started as a user would ({@code sh -c '… &'}: not a descendant of this
     * JVM, so the harness cannot own it); ready when it prints {@code ready on URL}. The API key goes in its
     * environment. Stopped by its process id.
     */
    private record WelcomeApp(long pid, URI url) implements AutoCloseable {
        static WelcomeApp start(Path dir, String endpoint, String project, String apiKey)
                throws IOException, InterruptedException {
            Path server =
                    Path.of("src", "test", "node", "welcome-app", "server.js").toAbsolutePath();
            Path log = dir.resolve("welcome-app.log");
            ProcessBuilder builder = new ProcessBuilder(
                    "sh", "-c", "node \"$0\" > \"$1\" 2>&1 & echo $!", server.toString(), log.toString());
            builder.environment()
                    .putAll(Map.of(
                            "PORT",
                            "0",
                            "APPWRITE_ENDPOINT",
                            endpoint,
                            "APPWRITE_PROJECT",
                            project,
                            "APPWRITE_API_KEY",
                            apiKey));
            Process shell = builder.redirectErrorStream(true).start();
            long pid =
                    Long.parseLong(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            shell.waitFor(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                String text = Files.exists(log) ? Files.readString(log) : "";
                int at = text.indexOf("ready on ");
                if (at >= 0 && text.indexOf('\n', at) > 0) {
                    return new WelcomeApp(
                            pid,
                            URI.create(text.substring(at + 9, text.indexOf('\n', at))
                                    .strip()));
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    throw new IllegalStateException("welcome-app exited before it was ready:\n" + text);
                }
                Thread.sleep(100);
            }
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            throw new IllegalStateException("welcome-app printed no ready line within 60 s");
        }

        @Override
        public void close() {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            });
        }
    }
}
