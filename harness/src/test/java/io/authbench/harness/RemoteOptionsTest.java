package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.browser.BrowserTarget;
import io.authbench.harness.cli.HarnessOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote-browser and link-address options: parsing, defaults, exit 2 with one line for bad values. */
class RemoteOptionsTest {
    @TempDir
    Path dir;

    private RunCommandLine cli;

    @BeforeEach
    void cli() throws IOException {
        cli = new RunCommandLine(dir);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void by_default_the_browser_is_launched_here_and_links_are_on_loopback() {
        assertThat(run("--browser-ws=", "--selenium-grid=", "--link-host=", "--public-host="))
                .isZero();
        HarnessOptions options = cli.received().get(0);
        assertThat(options.topology().remoteBrowser()).isFalse();
        assertThat(options.topology().links().bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(options.topology().links().publicHost()).isEqualTo("localhost");
        assertThat(options.topology().browserTarget(Path.of("/usr/bin/chromium")))
                .isEqualTo(new BrowserTarget.Local(Path.of("/usr/bin/chromium")));
    }

    @Test
    void a_playwright_server_takes_the_browser_path_as_a_path_on_its_machine() {
        assertThat(run(
                        "--browser-ws=ws://browsers.lan:3000/",
                        "--browser=/opt/remote-only/chrome",
                        "--link-host=0.0.0.0",
                        "--public-host=bench-host.lan"))
                .isZero();
        HarnessOptions options = cli.received().get(0);
        assertThat(options.topology().browserWs()).isEqualTo(URI.create("ws://browsers.lan:3000/"));
        BrowserTarget target = options.topology().browserTarget(options.browser());
        assertThat(target)
                .isEqualTo(new BrowserTarget.PlaywrightServer(
                        URI.create("ws://browsers.lan:3000/"), Path.of("/opt/remote-only/chrome")));
        assertThat(target.settings())
                .containsEntry("browserMode", "playwright-server")
                .containsEntry("browserEndpoint", "ws://browsers.lan:3000/");
        assertThat(options.topology().links().loopbackOnly()).isFalse();
        assertThat(options.topology().links().publicHost()).isEqualTo("bench-host.lan");
    }

    @Test
    void a_grid_url_is_recorded_without_credentials_or_query() {
        assertThat(run("--selenium-grid=https://user:key@hub.example:4444/wd/hub?token=x"))
                .isZero();
        BrowserTarget target = cli.received().get(0).topology().browserTarget(null);
        assertThat(target.settings())
                .containsEntry("browserMode", "selenium-grid")
                .containsEntry("browserEndpoint", "https://hub.example:4444/wd/hub");
        assertThat(target.describe()).doesNotContain("key").doesNotContain("token");
    }

    @Test
    void bad_values_are_one_line_and_exit_2() {
        assertBad(
                "--browser-ws: the scheme must be ws or wss, not http; expected a Playwright server's WebSocket URL",
                "--browser-ws=http://127.0.0.1:3000/");
        assertBad("--browser-ws: not a URL", "--browser-ws=ws://bad host:3000/");
        assertBad("--selenium-grid: the scheme must be http or https, not ws", "--selenium-grid=ws://127.0.0.1:4444");
        assertBad(
                "--browser-ws and --selenium-grid both name a browser; give one of them.",
                "--browser-ws=ws://127.0.0.1:3000/",
                "--selenium-grid=http://127.0.0.1:4444");
        assertBad(
                "--link-host: '203.0.113.77' (203.0.113.77) is not an address of this machine",
                "--link-host=203.0.113.77");
        assertBad("--public-host: 'http://bench' is not a host name", "--public-host=http://bench");
    }

    @Test
    void help_lists_the_new_options_with_their_defaults() {
        assertThat(run("--help")).isZero();
        String help = cli.out().replaceAll("\\s+", " ");
        assertThat(help)
                .contains("--browser-ws=URL")
                .contains("--selenium-grid=URL")
                .contains("--link-host=ADDRESS")
                .contains("--public-host=NAME")
                .contains("Default: 127.0.0.1 (loopback)")
                .contains("Default: localhost");
    }

    private void assertBad(String expectedStart, String... args) {
        int before = cli.err().length();
        int code = run(args);
        String line = cli.err().substring(before).strip();
        assertThat(code).as(line).isEqualTo(2);
        assertThat(line)
                .startsWith("authbench: " + expectedStart)
                .endsWith("Run 'authbench run --help' for usage.")
                .doesNotContain("\n");
    }
}
