package io.authbench.ssr.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.support.process.TestClasspath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process contract (docs/CONVENTIONS.md): --help, one-line usage errors with exit code 2, no stack traces. */
class SsrProcessTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String stdout, String stderr) {}

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                TestClasspath.current(),
                "io.authbench.ssr.SsrMain"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().remove("APPWRITE_API_KEY");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ssr-app did not exit within 60 s for " + List.of(args));
        }
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void help_lists_the_flags_and_exits_0() throws Exception {
        Run run = run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains(
                        "--port",
                        "--host",
                        "--appwrite-endpoint",
                        "--project",
                        "--api-key-file",
                        "--upstream-timeout",
                        "--request-log",
                        "--secure-cookies");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void a_bad_flag_value_prints_one_line_naming_it_and_exits_2() throws Exception {
        Run run = run(
                Map.of("APPWRITE_API_KEY", "standard_abc"),
                "--appwrite-endpoint",
                "http://localhost:1/v1",
                "--port",
                "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr())
                .isEqualTo(
                        "ssr-app: --port: 'abc' is not a number. Run with --help for usage." + System.lineSeparator());
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void a_missing_api_key_is_a_usage_error() throws Exception {
        Run run = run(Map.of(), "--appwrite-endpoint", "http://localhost:1/v1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().lines().toList())
                .containsExactly(
                        "ssr-app: no API key: pass --api-key-file FILE or set"
                                + " APPWRITE_API_KEY (an Appwrite key with the sessions.write scope). Run with --help for usage.");
    }

    @Test
    void a_port_in_use_is_reported_in_one_line_with_exit_code_1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = run(
                    Map.of("APPWRITE_API_KEY", "standard_abc"),
                    "--appwrite-endpoint",
                    "http://localhost:1/v1",
                    "--port",
                    Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stderr().lines().toList())
                    .singleElement()
                    .asString()
                    .startsWith("ssr-app: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port 0 picks a free port");
            assertThat(run.stderr()).doesNotContain("standard_abc");
        }
    }
}
