package io.authbench.ssr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.ssr.SsrConfig;
import io.authbench.ssr.http.InjectedDelay;
import io.authbench.ssr.session.CookiePolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsrCommandLineTest {
    private static final Map<String, String> KEY_IN_ENV = Map.of("APPWRITE_API_KEY", "standard_0123abcd");
    private final StringWriter out = new StringWriter();

    private SsrConfig parse(Map<String, String> env, String... args) throws UsageException {
        return SsrCommandLine.parse(args, env, new PrintWriter(out)).config().orElseThrow();
    }

    private String usageError(Map<String, String> env, String... args) {
        try {
            SsrCommandLine.parse(args, env, new PrintWriter(out));
        } catch (UsageException e) {
            return e.getMessage();
        }
        throw new AssertionError("no usage error for " + String.join(" ", args));
    }

    @Test
    void defaults_are_loopback_any_port_project_authbench_5s_no_log_auto_cookies() throws Exception {
        SsrConfig config = parse(KEY_IN_ENV, "--appwrite-endpoint", "http://localhost:1234/v1/");

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.endpoint()).hasToString("http://localhost:1234/v1");
        assertThat(config.project()).isEqualTo("authbench");
        assertThat(config.upstreamTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestLog()).isFalse();
        assertThat(config.cookiePolicy()).isEqualTo(CookiePolicy.AUTO);
    }

    @Test
    void every_flag_is_read() throws Exception {
        SsrConfig config = parse(
                KEY_IN_ENV,
                "--appwrite-endpoint",
                "https://appwrite.example.com/v1",
                "--port",
                "8081",
                "--host",
                "::1",
                "--project",
                "proj-1",
                "--upstream-timeout",
                "750ms",
                "--request-log",
                "--secure-cookies",
                "always");

        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.host()).isEqualTo("::1");
        assertThat(config.project()).isEqualTo("proj-1");
        assertThat(config.upstreamTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.requestLog()).isTrue();
        assertThat(config.cookiePolicy()).isEqualTo(CookiePolicy.ALWAYS);
    }

    @Test
    void timeouts_accept_short_and_iso_forms_and_refuse_zero() {
        assertThat(new Converters.Timeout().convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(new Converters.Timeout().convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--upstream-timeout", "0s"))
                .isEqualTo("--upstream-timeout: '0s' is out of range (more than 0, at most 10m)");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--upstream-timeout", "soon"))
                .isEqualTo("--upstream-timeout: 'soon' is not a duration such as 500ms, 5s or 1m");
    }

    @Test
    void bad_values_are_named_with_the_flag() {
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--port", "abc"))
                .isEqualTo("--port: 'abc' is not a number");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--port", "70000"))
                .isEqualTo("--port: 70000 is not a port (0-65535; 0 picks a free one)");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "localhost:1234"))
                .startsWith("--appwrite-endpoint: 'localhost:1234' is not an http(s) URL");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--project", "my project"))
                .startsWith("--project: 'my project' is not a project id");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--secure-cookies", "maybe"))
                .isEqualTo("--secure-cookies: 'maybe' is not one of auto, always, never");
        assertThat(usageError(KEY_IN_ENV)).isEqualTo("Missing required option: '--appwrite-endpoint=URL'");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--verbose"))
                .isEqualTo("unknown option '--verbose'");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "extra"))
                .isEqualTo("unexpected argument; this app takes flags only");
    }

    @Test
    void injected_delays_are_off_by_default_and_read_per_path() throws Exception {
        assertThat(parse(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1").injectedDelays())
                .isEmpty();
        SsrConfig config = parse(
                KEY_IN_ENV,
                "--appwrite-endpoint",
                "http://x/v1",
                "--inject-delay",
                "/dashboard:50ms",
                "--inject-delay=/profile:1s");
        assertThat(config.injectedDelays())
                .containsExactly(
                        new InjectedDelay("/dashboard", Duration.ofMillis(50)),
                        new InjectedDelay("/profile", Duration.ofSeconds(1)));
        assertThat(parse(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--inject-delay", "/a:b:PT0.25S")
                        .injectedDelays())
                .containsExactly(new InjectedDelay("/a:b", Duration.ofMillis(250)));
    }

    @Test
    void a_bad_injected_delay_is_a_usage_error_that_shows_the_form() {
        String endpoint = "http://x/v1";
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", endpoint, "--inject-delay", "/dashboard"))
                .isEqualTo("--inject-delay: '/dashboard' names no delay (PATH:DURATION, e.g. /dashboard:50ms)");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", endpoint, "--inject-delay", "dashboard:50ms"))
                .isEqualTo("--inject-delay: 'dashboard' is not a path starting with '/' (no query, fragment or"
                        + " spaces) (PATH:DURATION, e.g. /dashboard:50ms)");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", endpoint, "--inject-delay", "/dashboard?x=1:50ms"))
                .startsWith("--inject-delay: '/dashboard?x=1' is not a path");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", endpoint, "--inject-delay", "/dashboard:50"))
                .isEqualTo("--inject-delay: '50' is not a duration such as 50ms or 1s (PATH:DURATION, e.g."
                        + " /dashboard:50ms)");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", endpoint, "--inject-delay", "/dashboard:0ms"))
                .isEqualTo("--inject-delay: '0ms' is out of range (more than 0, at most 10s)");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", endpoint, "--inject-delay", "/dashboard:11s"))
                .isEqualTo("--inject-delay: '11s' is out of range (more than 0, at most 10s)");
        assertThat(usageError(
                        KEY_IN_ENV,
                        "--appwrite-endpoint",
                        endpoint,
                        "--inject-delay",
                        "/dashboard:50ms",
                        "--inject-delay",
                        "/dashboard:60ms"))
                .isEqualTo("--inject-delay: /dashboard is given twice; give each path once, with the one delay it"
                        + " should get");
    }

    @Test
    void tls_files_and_the_appwrite_authority_are_checked_before_the_start(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--tls-cert", "cert.pem"))
                .startsWith("--tls-key is missing: --tls-cert and --tls-key go together");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--appwrite-ca", notPem.toString()))
                .startsWith("--appwrite-ca: the Appwrite endpoint http://x/v1 is not https");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "https://x/v1", "--appwrite-ca", notPem.toString()))
                .startsWith("--appwrite-ca: " + notPem + " is not a PEM certificate file");
        SsrConfig plain = parse(KEY_IN_ENV, "--appwrite-endpoint", "https://x/v1");
        assertThat(plain.tls()).isNull();
        assertThat(plain.appwriteCa()).isNull();
    }

    @Test
    void a_key_given_as_an_argument_is_refused_without_repeating_it() {
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--api-key", "standard_secret42"))
                .isEqualTo("unknown option '--api-key' (the API key is read from --api-key-file or APPWRITE_API_KEY,"
                        + " never from an argument)");
        assertThat(usageError(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--api-key=standard_secret42"))
                .doesNotContain("secret42");
    }

    @Test
    void the_api_key_comes_from_the_file_before_the_environment(@TempDir Path dir) throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), "standard_fromfile\n");

        SsrConfig config =
                parse(KEY_IN_ENV, "--appwrite-endpoint", "http://x/v1", "--api-key-file", keyFile.toString());

        assertThat(config.apiKey()).hasToString("ApiKey(redacted)");
        assertThat(config.toString()).doesNotContain("fromfile").doesNotContain("0123abcd");
    }

    @Test
    void a_missing_empty_or_unreadable_key_is_a_usage_error_that_never_shows_the_key(@TempDir Path dir)
            throws IOException {
        assertThat(usageError(Map.of(), "--appwrite-endpoint", "http://x/v1"))
                .isEqualTo("no API key: pass --api-key-file FILE or set APPWRITE_API_KEY"
                        + " (an Appwrite key with the sessions.write scope)");
        Path empty = Files.writeString(dir.resolve("empty"), "  \n");
        assertThat(usageError(Map.of(), "--appwrite-endpoint", "http://x/v1", "--api-key-file", empty.toString()))
                .isEqualTo("--api-key-file: " + empty
                        + " is empty; it must hold the Appwrite API key (scope sessions.write)");
        Path twoLines = Files.writeString(dir.resolve("two"), "standard_abc\nstandard_def\n");
        assertThat(usageError(Map.of(), "--appwrite-endpoint", "http://x/v1", "--api-key-file", twoLines.toString()))
                .contains("must hold only the API key")
                .doesNotContain("standard_abc");
        assertThat(usageError(
                        Map.of(),
                        "--appwrite-endpoint",
                        "http://x/v1",
                        "--api-key-file",
                        dir.resolve("none").toString()))
                .contains("cannot be read (NoSuchFileException)");
    }

    @Test
    void help_lists_every_flag_with_its_default() throws Exception {
        assertThat(SsrCommandLine.parse(new String[] {"--help"}, Map.of(), new PrintWriter(out))
                        .config())
                .isEmpty();

        assertThat(out.toString())
                .contains(
                        "--port=PORT",
                        "(default: 0)",
                        "--host=HOST",
                        "(default: 127.0.0.1",
                        "--appwrite-endpoint=URL",
                        "--project=ID",
                        "(default: authbench)",
                        "--api-key-file=FILE",
                        "--upstream-timeout=DURATION",
                        "(default: 5s)",
                        "--request-log",
                        "--secure-cookies",
                        "(default: auto)");
    }
}
