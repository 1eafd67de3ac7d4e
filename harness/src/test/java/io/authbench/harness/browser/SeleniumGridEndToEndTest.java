package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.authbench.reports.results.RunResults;
import io.authbench.support.browser.BrowserLocator;
import io.authbench.support.process.TestClasspath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --selenium-grid}: Chromium launched on a Selenium Grid 4 through Playwright's (experimental) Selenium Grid
 * support. The grid is Maven Central's {@code selenium-grid} standalone, run here as a child JVM on a free port with
 * one node slot: Debian's {@code chromium-driver} driving the machine's Chromium. The only reason to skip is a
 * missing chromedriver ({@code apt-get install -y chromium-driver}; {@code .ci/run} installs it). The harness runs
 * as a child JVM ({@code authbench run}), as users run it.
 */
class SeleniumGridEndToEndTest {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Pattern STARTED =
            Pattern.compile("Started Selenium Standalone \\S+ \\(revision \\S+\\): (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void a_login_pair_on_a_selenium_grid_measures_both_variants() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium-driver is not installed (" + CHROMEDRIVER
                        + " missing): apt-get install -y chromium-driver");
        try (ReadyChild grid = startGrid()) {
            String hub = grid.group(1);
            Path out = dir.resolve("run");
            // In its own JVM: Playwright for Java fixes its driver's environment (SELENIUM_REMOTE_URL) at the first
            // Playwright of a JVM, and this test JVM may already have created one (Browsers refuses the mix).
            RemoteRuns.Outcome outcome = RemoteRuns.loginPairInChildJvm(out, "--selenium-grid=" + hub);
            RunResults results = RemoteRuns.assertBothVariantsMeasured(out, outcome);
            assertThat(results.run().config().settings())
                    .containsEntry("browserMode", "selenium-grid")
                    .containsEntry("browserEndpoint", hub.endsWith("/") ? hub : hub + "/");
            assertThat(grid.logText()).contains("Session created by the Node");
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .as("the grid, chromedriver, Chromium and the harness's children are gone")
                .isEmpty();
    }

    private ReadyChild startGrid() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // Grid 4 has no "port 0": pick a free one (a tiny race, fine on loopback)
        }
        Path config = dir.resolve("grid.toml");
        // No driver detection and no Selenium Manager (it would try to download a driver); one slot whose
        // stereotype names the machine's Chromium, driven by Debian's chromedriver of the same version.
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "[node]",
                        "detect-drivers = false",
                        "selenium-manager = false",
                        "[[node.driver-configuration]]",
                        "display-name = \"chromium\"",
                        "webdriver-executable = \"" + CHROMEDRIVER + "\"",
                        "max-sessions = 1",
                        "stereotype = '{\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":\""
                                + BrowserLocator.locate() + "\"}}'",
                        ""),
                StandardCharsets.UTF_8);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                TestClasspath.current(),
                "org.openqa.selenium.grid.Main",
                "standalone",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--config",
                config.toString());
        return ReadyChild.start(command, Map.of(), STARTED, Duration.ofSeconds(90), dir.resolve("grid.log"));
    }
}
