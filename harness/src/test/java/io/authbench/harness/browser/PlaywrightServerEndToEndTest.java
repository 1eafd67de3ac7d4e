package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.results.RunResults;
import io.authbench.support.browser.BrowserLocator;
import io.authbench.support.browser.BrowserSetupException;
import io.authbench.support.browser.Browsers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --browser-ws}: the harness takes its Chromium from a Playwright server (the driver's own {@code run-server},
 * started here as a child on a free port) instead of launching one, and measures the same metrics through it.
 */
class PlaywrightServerEndToEndTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on (ws://\\S+)");

    @TempDir
    Path dir;

    @Test
    void a_login_pair_through_a_playwright_server_measures_both_variants() throws Exception {
        try (ReadyChild server = startServer()) {
            String endpoint = server.group(1);
            Path out = dir.resolve("run");
            // --public-host=127.0.0.1: the non-default host name path (IP literal: host-only cookies for apps and
            // Appwrite alike), as a remote browser would use this machine's address.
            RemoteRuns.Outcome outcome = RemoteRuns.loginPair(
                    out, "--browser-ws=" + endpoint, "--browser=" + BrowserLocator.locate(), "--public-host=127.0.0.1");
            RunResults results = RemoteRuns.assertBothVariantsMeasured(out, outcome);
            Map<String, String> settings = results.run().config().settings();
            assertThat(settings)
                    .containsEntry("browserMode", "playwright-server")
                    .containsEntry("browserEndpoint", endpoint)
                    .containsEntry("publicHost", "127.0.0.1")
                    .containsEntry("linkHost", "127.0.0.1");
            assertThat(results.samples())
                    .allSatisfy(sample -> assertThat(sample.requests())
                            .as("browser requests go to the public host")
                            .isNotEmpty());
            assertThat(outcome.stdout()).contains("Chromium from the Playwright server " + endpoint);
            assertThat(server.logText()).doesNotContain("Error");
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .as("the server, its browser and the harness's children are gone")
                .isEmpty();
    }

    @Test
    void a_refused_connection_is_one_message_naming_the_endpoint_without_credentials_and_exit_1() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path out = dir.resolve("refused");
        RemoteRuns.Outcome outcome =
                RemoteRuns.loginPair(out, "--browser-ws=ws://bench:s3cret@127.0.0.1:" + port + "/pw?token=t0ken");
        assertThat(outcome.code()).as(outcome.describe()).isEqualTo(1);
        assertThat(outcome.stderr().strip())
                .startsWith("authbench: No Playwright server answers at ws://127.0.0.1:" + port
                        + "/pw (connection refused). Start one there, e.g. 'node ")
                .contains("run-server")
                .doesNotContain("\n");
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain("s3cret").doesNotContain("t0ken");
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }

    @Test
    void cdp_sessions_work_through_the_server() throws Exception {
        try (ReadyChild server = startServer();
                BrowserSession session = BrowserSession.open(
                        new BrowserTarget.PlaywrightServer(URI.create(server.group(1)), BrowserLocator.locate()))) {
            var context = session.browser().newContext();
            var page = context.newPage();
            var cdp = context.newCDPSession(page);
            cdp.send("Performance.enable");
            assertThat(cdp.send("Performance.getMetrics").getAsJsonArray("metrics"))
                    .isNotEmpty();
            assertThat(cdp.send("Network.enable")).isNotNull();
            context.close();
        }
    }

    @Test
    void a_server_that_cannot_launch_its_browser_says_how_to_fix_it() throws Exception {
        try (ReadyChild server = startServer()) {
            assertThat(Assertions.catchThrowable(() -> BrowserSession.open(new BrowserTarget.PlaywrightServer(
                            URI.create(server.group(1)), Path.of("/nonexistent/chromium")))))
                    .isInstanceOf(BrowserSetupException.class)
                    .hasMessageStartingWith("The Playwright server at " + server.group(1) + " has no browser to launch:"
                            + " /nonexistent/chromium does not exist on its machine.")
                    .hasMessageContaining("--browser");
        }
    }

    private ReadyChild startServer() throws IOException {
        List<String> command = new ArrayList<>(Browsers.driverCommand());
        command.addAll(List.of("run-server", "--host", "127.0.0.1", "--port", "0", "--unsafe"));
        return ReadyChild.start(
                command,
                Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
                LISTENING,
                Duration.ofSeconds(30),
                dir.resolve("playwright-server.log"));
    }
}
