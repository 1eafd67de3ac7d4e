package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RemoteEndpointsTest {

    @Test
    void playwright_servers_are_websocket_urls() {
        assertThat(RemoteEndpoints.playwrightServer(" ws://127.0.0.1:3000/ "))
                .isEqualTo(URI.create("ws://127.0.0.1:3000/"));
        assertThat(RemoteEndpoints.playwrightServer("wss://browsers.example/pw"))
                .hasHost("browsers.example");
        assertThatThrownBy(() -> RemoteEndpoints.playwrightServer("http://127.0.0.1:3000"))
                .hasMessageStartingWith("the scheme must be ws or wss, not http;");
        assertThatThrownBy(() -> RemoteEndpoints.playwrightServer("127.0.0.1:3000"))
                .hasMessageStartingWith("it has no scheme; expected a Playwright server's WebSocket URL");
        assertThatThrownBy(() -> RemoteEndpoints.playwrightServer("ws:///path"))
                .hasMessageStartingWith("there is no host");
    }

    @Test
    void grids_are_http_urls() {
        assertThat(RemoteEndpoints.seleniumGrid("http://127.0.0.1:4444")).hasPort(4444);
        assertThatThrownBy(() -> RemoteEndpoints.seleniumGrid("ws://127.0.0.1:4444"))
                .hasMessageStartingWith("the scheme must be http or https, not ws;");
    }

    @Test
    void redaction_drops_credentials_query_and_fragment() {
        assertThat(RemoteEndpoints.redacted(URI.create("https://user:s3cret@hub.example:4444/wd/hub?token=t#x")))
                .isEqualTo("https://hub.example:4444/wd/hub");
        assertThat(RemoteEndpoints.redacted(URI.create("ws://127.0.0.1:3000"))).isEqualTo("ws://127.0.0.1:3000/");
    }

    @Test
    void a_bad_url_message_does_not_repeat_the_url() {
        assertThatThrownBy(() -> RemoteEndpoints.playwrightServer("ws://user:s3cret@bad host/"))
                .hasMessageStartingWith("not a URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void playwright_server_errors_name_the_problem_and_the_fix() {
        Duration timeout = Duration.ofSeconds(60);
        assertThat(RemoteErrors.playwrightServer(
                        "ws://h:3000/", "WebSocket error: connect ECONNREFUSED 10.0.0.1:3000", "1.62.0", timeout))
                .startsWith("No Playwright server answers at ws://h:3000/ (connection refused).")
                .contains("run-server");
        String mismatch = "Error { message='browserType.connect: ╔══════╗\n║ Playwright version mismatch: ║\n"
                + "║   - server version: v1.48 ║\n║   - client version: v1.62 ║'";
        assertThat(RemoteErrors.playwrightServer("ws://h:3000/", mismatch, "1.62.0", timeout))
                .startsWith("The Playwright server at ws://h:3000/ runs Playwright 1.48, but AuthBench's client is"
                        + " Playwright 1.62.0 and both must be the same version.");
        assertThat(RemoteErrors.playwrightServer(
                        "ws://h:3000/",
                        "Error { message='browserType.connect: Failed to launch"
                                + " chromium because executable doesn't exist at /opt/none/chrome\nCall log: ...'",
                        "1.62.0",
                        timeout))
                .startsWith("The Playwright server at ws://h:3000/ has no browser to launch: /opt/none/chrome does not"
                        + " exist on its machine. Pass --browser=");
        assertThat(RemoteErrors.playwrightServer("ws://h:3000/", "Timeout 60000ms exceeded", "1.62.0", timeout))
                .contains("did not hand over a browser within 60 s");
        assertThat(RemoteErrors.playwrightServer(
                        "ws://h:3000/", "browserType.launch: failed at ws://user:pw@h:3000/?t=1", "1.62.0", timeout))
                .doesNotContain("user:pw")
                .contains("<url>");
    }

    @Test
    void grid_errors_name_the_problem_and_the_fix() {
        Duration timeout = Duration.ofSeconds(60);
        assertThat(RemoteErrors.seleniumGrid("http://g:4444/", "connect ECONNREFUSED 127.0.0.1:4444", timeout))
                .startsWith("No Selenium Grid answers at http://g:4444/ (connection refused).");
        assertThat(RemoteErrors.seleniumGrid(
                        "http://g:4444/",
                        "Error connecting to Selenium at http://g:4444/session: Could not start a new session",
                        timeout))
                .startsWith("The Selenium Grid at http://g:4444/ refused a Chromium session")
                .contains("chromium-driver");
    }
}
