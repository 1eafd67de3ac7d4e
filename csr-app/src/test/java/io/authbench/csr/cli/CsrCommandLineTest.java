package io.authbench.csr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CsrCommandLineTest {

    private static CsrOptions parse(String... args) throws UsageException {
        return CsrCommandLine.parse(args, new StringBuilder()).orElseThrow();
    }

    @Test
    void defaults_are_port_0_on_loopback_for_project_authbench_with_a_5_s_timeout_without_request_log()
            throws Exception {
        CsrOptions options = parse("--appwrite-endpoint", "http://localhost:8080/v1");

        assertThat(options)
                .isEqualTo(new CsrOptions(
                        0,
                        "127.0.0.1",
                        URI.create("http://localhost:8080/v1"),
                        "authbench",
                        Duration.ofSeconds(5),
                        false));
    }

    @Test
    void every_flag_is_read() throws Exception {
        CsrOptions options = parse(
                "--port",
                "8123",
                "--host",
                "localhost",
                "--appwrite-endpoint",
                "https://appwrite.example.com/v1",
                "--project",
                "proj_1",
                "--upstream-timeout",
                "500ms",
                "--request-log");

        assertThat(options)
                .isEqualTo(new CsrOptions(
                        8123,
                        "localhost",
                        URI.create("https://appwrite.example.com/v1"),
                        "proj_1",
                        Duration.ofMillis(500),
                        true));
        assertThat(options.appwriteOrigin()).isEqualTo("https://appwrite.example.com");
    }

    @Test
    void appwrite_origin_keeps_an_explicit_port_and_drops_the_path() throws Exception {
        assertThat(parse("--appwrite-endpoint", "http://localhost:41234/v1").appwriteOrigin())
                .isEqualTo("http://localhost:41234");
    }

    @Test
    void a_trailing_slash_on_the_endpoint_is_dropped_because_the_sdk_appends_paths() throws Exception {
        assertThat(parse("--appwrite-endpoint", "http://localhost:8080/v1/").appwriteEndpoint())
                .isEqualTo(URI.create("http://localhost:8080/v1"));
    }

    @Test
    void a_port_that_is_not_a_number_is_named_with_its_value() {
        assertThatThrownBy(() -> parse("--port", "abc", "--appwrite-endpoint", "http://localhost:1/v1"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port: 'abc' is not a number");
    }

    @Test
    void a_port_out_of_range_is_rejected() {
        assertThatThrownBy(() -> parse("--port", "70000", "--appwrite-endpoint", "http://localhost:1/v1"))
                .hasMessageStartingWith("--port: 70000 is out of range");
    }

    @Test
    void the_appwrite_endpoint_is_required() {
        assertThatThrownBy(() -> parse("--port", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--appwrite-endpoint");
    }

    @Test
    void an_endpoint_that_is_not_an_absolute_http_url_is_rejected_with_an_example() {
        for (String bad : new String[] {"localhost:8080/v1", "ftp://localhost/v1", "/v1", "http://", "not a url"}) {
            assertThatThrownBy(() -> parse("--appwrite-endpoint", bad))
                    .as(bad)
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--appwrite-endpoint: '" + bad + "'")
                    .hasMessageContaining("http://localhost:8080/v1");
        }
    }

    @Test
    void an_endpoint_with_credentials_or_a_query_is_rejected() {
        assertThatThrownBy(() -> parse("--appwrite-endpoint", "http://user:pw@localhost:8080/v1"))
                .hasMessageContaining("must not carry credentials");
        assertThatThrownBy(() -> parse("--appwrite-endpoint", "http://localhost:8080/v1?x=1"))
                .hasMessageContaining("must not carry credentials, a query or a fragment");
    }

    @Test
    void the_upstream_timeout_takes_the_same_forms_as_ssr_app() throws Exception {
        String endpoint = "http://localhost:1/v1";
        assertThat(parse("--appwrite-endpoint", endpoint, "--upstream-timeout", "2m")
                        .upstreamTimeout())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(parse("--appwrite-endpoint", endpoint, "--upstream-timeout", "PT1.5S")
                        .upstreamTimeout())
                .isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> parse("--appwrite-endpoint", endpoint, "--upstream-timeout", "soon"))
                .hasMessage("--upstream-timeout: 'soon' is not a duration such as 500ms, 5s or 1m");
        assertThatThrownBy(() -> parse("--appwrite-endpoint", endpoint, "--upstream-timeout", "0s"))
                .hasMessage("--upstream-timeout: '0s' is out of range (more than 0, at most 10m)");
        assertThatThrownBy(() -> parse("--appwrite-endpoint", endpoint, "--upstream-timeout", "11m"))
                .hasMessageContaining("out of range");
    }

    @Test
    void a_project_id_appwrite_would_not_accept_is_rejected() {
        assertThatThrownBy(() -> parse("--appwrite-endpoint", "http://localhost:1/v1", "--project", "a b\"<"))
                .hasMessageStartingWith("--project: 'a b\"<' is not an Appwrite project id");
    }

    @Test
    void an_unknown_flag_is_named() {
        assertThatThrownBy(() -> parse("--appwrite-endpoint", "http://localhost:1/v1", "--api-key", "x"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--api-key");
    }

    @Test
    void help_lists_every_flag_with_its_default() throws Exception {
        StringBuilder help = new StringBuilder();

        assertThat(CsrCommandLine.parse(new String[] {"--help"}, help)).isEmpty();

        assertThat(help.toString())
                .contains("--port=PORT", "(default: 0)")
                .contains("--host=HOST", "(default: 127.0.0.1")
                .contains("--appwrite-endpoint=URL", "(required)")
                .contains("--project=ID", "(default: authbench)")
                .contains("--upstream-timeout=DURATION", "(default: 5s)")
                .contains("--request-log", "(default: off)");
    }
}
