package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness other than the LISTENING line: a log line, an HTTP answer below 500. */
class ReadinessTest {
    private static final List<String> LEAN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m");

    @TempDir
    Path logDir;

    @Test
    void a_matching_stderr_line_makes_the_server_ready_at_the_given_url() {
        URI base = URI.create("http://127.0.0.1:3999");
        ServerSpec spec = ServerSpec.of(
                        "log-ready",
                        List.of("sh", "-c", "echo booting; sleep 0.2; echo ' ✓ Ready in 0.2s' 1>&2; exec sleep 60"))
                .withReadiness(Readiness.logLine(Pattern.compile("Ready in"), base))
                .withStartTimeout(Duration.ofSeconds(30));
        ServerProcess server = ServerProcess.start(spec, logDir);
        try {
            assertThat(server.url()).isEqualTo(base);
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.close();
        }
        assertThat(ProcessHandle.of(server.pid())).isEmpty();
    }

    @Test
    void an_http_readiness_waits_for_an_answer_below_500() throws IOException {
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        ServerSpec spec = ServerSpec.javaMain(
                        "http-ready",
                        LEAN_JVM,
                        TestClasspath.current(),
                        FakeHttpApp.class.getName(),
                        List.of(Integer.toString(port), "1500"))
                .withReadiness(Readiness.httpGet(base.resolve("/login"), base))
                .withStartTimeout(Duration.ofSeconds(60));
        long start = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(spec, logDir)) {
            assertThat(server.url()).isEqualTo(base);
            // It answered 503 for its first 1.5 s: ready means after that.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void an_http_readiness_that_never_comes_names_the_url_and_the_last_failure() throws IOException {
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        ServerSpec spec = ServerSpec.of("never-ready", List.of("sh", "-c", "echo started; exec sleep 60"))
                .withReadiness(Readiness.httpGet(base.resolve("/login"), base))
                .withStartTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> ServerProcess.start(spec, logDir))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining(
                        "never-ready did not answer GET " + base + "/login with a status below 500 within 2 s")
                .hasMessageContaining("the last request failed: java.net.ConnectException")
                .hasMessageContaining("started");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
