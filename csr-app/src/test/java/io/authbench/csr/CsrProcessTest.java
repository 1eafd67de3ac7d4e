package io.authbench.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import io.authbench.support.process.TestClasspath;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real process, as the harness starts it: readiness line, request log, exit codes. */
class CsrProcessTest {
    private static final Path LOGS = Path.of("target", "process-test-logs");

    @Test
    void the_process_prints_the_readiness_line_first_then_one_log_line_per_request() throws Exception {
        try (ServerProcess app = ServerProcess.start(
                ServerSpec.javaMain(
                        "csr-app-request-log",
                        TestClasspath.current(),
                        "io.authbench.csr.CsrMain",
                        List.of("--port", "0", "--appwrite-endpoint", "http://localhost:9/v1", "--request-log")),
                LOGS)) {
            assertThat(app.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+");

            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(app.url().resolve("/login"))
                                    .header("Accept", "text/html")
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("http://localhost:9/v1");

            List<String> stdout = awaitLines(app.stdoutLog(), 2);
            assertThat(stdout.get(0)).isEqualTo("LISTENING " + app.url());
            assertThat(stdout.get(1)).matches("127\\.0\\.0\\.1 \"GET /login HTTP/1\\.1\" 200 \\d+");
            assertThat(Files.readString(app.stderrLog()))
                    .as("stderr of a healthy start")
                    .isEmpty();
        }
    }

    @Test
    void a_bad_flag_makes_the_process_exit_with_code_2_and_one_line_on_stderr() throws Exception {
        Result result = runToExit("--port", "abc", "--appwrite-endpoint", "http://localhost:9/v1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("csr-app: --port: 'abc' is not a number. Run with --help for usage.\n");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void help_exits_0_and_lists_the_flags() throws Exception {
        Result result = runToExit("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--port", "--host", "--appwrite-endpoint", "--project", "--request-log");
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result runToExit(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                TestClasspath.current(),
                "io.authbench.csr.CsrMain"));
        command.addAll(List.of(args));
        Files.createDirectories(LOGS);
        File out = Files.createTempFile(LOGS, "stdout", ".log").toFile();
        File err = Files.createTempFile(LOGS, "stderr", ".log").toFile();
        Process process = new ProcessBuilder(command)
                .redirectOutput(out)
                .redirectError(err)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("csr-app " + String.join(" ", args) + " did not exit within 60 s");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    // Log lines are drained to the file asynchronously; wait until they are there (bounded).
    private static List<String> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines = Files.readAllLines(file);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            lines = Files.readAllLines(file);
        }
        return lines;
    }
}
