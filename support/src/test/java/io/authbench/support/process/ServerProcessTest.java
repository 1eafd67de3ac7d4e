package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {
    /** Small, quick-starting child JVMs: the machine has 2 shared cores. */
    private static final List<String> LEAN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m");

    @TempDir
    Path logDir;

    private static ServerSpec fake(String name, String mode) {
        return ServerSpec.javaMain(name, LEAN_JVM, TestClasspath.current(), FakeServer.class.getName(), List.of(mode));
    }

    @Test
    void ready_line_gives_the_url_and_the_server_accepts_connections() throws IOException {
        try (ServerProcess server = ServerProcess.start(fake("fake-ready", "ready"), logDir)) {
            assertThat(server.url().getScheme()).isEqualTo("http");
            assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.isAlive()).isTrue();
            assertThat(server.exitCode()).isEmpty();
            assertThat(server.pid())
                    .isEqualTo(ProcessHandle.of(server.pid()).orElseThrow().pid());
            try (Socket socket = new Socket()) {
                socket.connect(
                        new InetSocketAddress(
                                server.url().getHost(), server.url().getPort()),
                        5_000);
                assertThat(socket.isConnected()).isTrue();
            }
            server.checkAlive();
        }
    }

    @Test
    void stdout_and_stderr_are_written_to_log_files_named_after_the_server() throws IOException {
        ServerProcess server = ServerProcess.start(fake("fake-logs", "ready"), logDir);
        server.close();

        assertThat(server.logDir()).isEqualTo(logDir.toAbsolutePath());
        assertThat(Files.readAllLines(logDir.resolve("fake-logs.stdout.log")))
                .first()
                .asString()
                .startsWith("LISTENING http://127.0.0.1:");
        assertThat(Files.readString(logDir.resolve("fake-logs.stderr.log"))).contains("fake server starting");
        assertThat(server.logTail(5))
                .contains(
                        "--- fake-logs.stdout.log",
                        "LISTENING http://127.0.0.1:",
                        "--- fake-logs.stderr.log",
                        "fake server starting");
    }

    @Test
    void child_that_exits_before_ready_raises_exception_with_exit_code_and_log_tail() {
        assertThatThrownBy(() -> ServerProcess.start(fake("fake-crash", "crash"), logDir))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("fake-crash exited with code 3 before it was ready.")
                .hasMessageContaining("fatal: the configuration file is missing")
                .hasMessageContaining("reading configuration")
                .hasMessageContaining("stderr line 25")
                // only the last 20 lines of a stream are shown
                .hasMessageNotContaining("stderr line 5\n")
                .hasMessageContaining(logDir.toAbsolutePath().toString());
    }

    @Test
    void child_that_never_prints_ready_line_is_killed_after_the_timeout() {
        // A shell child, not a JVM: on a loaded machine a JVM may not print its first line within the window.
        ServerSpec spec = ServerSpec.of(
                        "fake-silent", List.of("/bin/sh", "-c", "echo 'thinking about it'; exec sleep 3607"))
                .withStartTimeout(Duration.ofSeconds(3));

        assertThatThrownBy(() -> ServerProcess.start(spec, logDir))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith(
                        "fake-silent did not print its ready line 'LISTENING <url>' within 3 s and was stopped.")
                .hasMessageContaining("thinking about it");

        assertThat(childrenRunning("3607")).isEmpty();
    }

    @Test
    void ready_line_on_stderr_is_pointed_out() {
        ServerSpec spec = ServerSpec.of(
                        "stderr-ready",
                        List.of("/bin/sh", "-c", "echo 'LISTENING http://127.0.0.1:1' >&2; exec sleep 60"))
                .withStartTimeout(Duration.ofSeconds(2));

        assertThatThrownBy(() -> ServerProcess.start(spec, logDir))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("It printed its ready line on stderr: print it on stdout.");
    }

    @Test
    void malformed_ready_line_is_rejected_with_the_line_quoted() {
        assertThatThrownBy(() -> ServerProcess.start(fake("fake-malformed", "malformed"), logDir))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("'LISTENING not-a-url'")
                .hasMessageContaining("it was stopped");
        assertThat(childrenRunning(FakeServer.class.getName() + " malformed")).isEmpty();
    }

    @Test
    void missing_executable_gives_a_start_exception_naming_it() {
        ServerSpec spec = ServerSpec.of("ghost", List.of("/nonexistent/bin/server"));

        assertThatThrownBy(() -> ServerProcess.start(spec, logDir))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("ghost could not be started")
                .hasMessageContaining("/nonexistent/bin/server");
    }

    @Test
    void missing_working_directory_is_named() {
        ServerSpec spec = fake("fake-nowhere", "ready").withWorkingDirectory(logDir.resolve("not-there"));

        assertThatThrownBy(() -> ServerProcess.start(spec, logDir))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining(
                        "its working directory " + logDir.resolve("not-there").toAbsolutePath() + " does not exist");
    }

    @Test
    void environment_additions_reach_the_child_but_never_its_description() throws InterruptedException {
        ServerSpec spec = ServerSpec.of(
                        "env-echo",
                        List.of(
                                "/bin/sh",
                                "-c",
                                "echo \"LISTENING http://127.0.0.1:1\"; echo \"key length ${#APPWRITE_API_KEY}\"; sleep 60"))
                .withEnvironment(Map.of("APPWRITE_API_KEY", "standard_secret123"));

        try (ServerProcess server = ServerProcess.start(spec, logDir)) {
            assertThat(spec.toString()).contains("APPWRITE_API_KEY").doesNotContain("secret123");
            assertThat(server.toString()).doesNotContain("secret123");
            awaitLogLine(server, "key length 18");
        }
    }

    @Test
    void close_kills_the_grandchild_too() throws IOException {
        ProcessHandle grandchild = null;
        try {
            ServerProcess server = ServerProcess.start(fake("fake-spawn", "spawn"), logDir);
            try (server) {
                long pid = Long.parseLong(
                        Files.readAllLines(server.stdoutLog()).get(0).substring("GRANDCHILD ".length()));
                grandchild = ProcessHandle.of(pid).orElseThrow();
                assertThat(grandchild.isAlive()).isTrue();
            }

            assertThat(server.isAlive()).isFalse();
            assertThat(grandchild.isAlive()).isFalse();
        } finally {
            // Should close() ever miss it, do not leave an orphan running on a shared machine.
            if (grandchild != null) {
                grandchild.destroyForcibly();
            }
        }
    }

    @Test
    void close_is_idempotent_and_reports_the_exit() {
        ServerProcess server = ServerProcess.start(fake("fake-twice", "ready"), logDir);
        server.close();
        server.close();

        assertThat(server.isAlive()).isFalse();
        assertThat(server.exitCode()).isPresent();
        assertThatThrownBy(server::checkAlive)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close()");
    }

    @Test
    void close_kills_a_child_that_ignores_sigterm_after_the_grace_period() {
        ServerProcess server = ServerProcess.start(fake("fake-stubborn", "stubborn"), logDir);
        server.close();

        assertThat(server.isAlive()).isFalse();
        assertThat(server.exitCode()).hasValue(137);
        assertThat(server.logTail(5)).contains("refusing to stop");
    }

    @Test
    void check_alive_reports_a_child_that_died_after_it_was_ready() {
        try (ServerProcess server = ServerProcess.start(fake("fake-dies", "ready-then-exit"), logDir)) {
            server.checkAlive();
            ProcessHandle.of(server.pid()).ifPresent(handle -> handle.onExit().join());

            assertThatThrownBy(server::checkAlive)
                    .isInstanceOf(ServerDiedException.class)
                    .hasMessageStartingWith("fake-dies is no longer running: it exited with code 7")
                    .hasMessageContaining("out of memory, giving up");
            assertThat(server.exitCode()).hasValue(7);
        }
    }

    @Test
    void interrupting_the_parent_jvm_like_ctrl_c_leaves_no_orphans() throws Exception {
        ServerSpec harness = ServerSpec.javaMain(
                "fake-harness",
                LEAN_JVM,
                TestClasspath.current(),
                FakeHarness.class.getName(),
                List.of(logDir.resolve("children").toString()));
        // A shell that starts a job in the background without job control (nohup-style CI launchers) makes it ignore
        // SIGINT, children inherit that, and a JVM that starts with SIGINT ignored installs no Ctrl-C handler: the
        // fake harness would sleep on. Coreutils' env restores the default disposition, so the check runs everywhere.
        List<String> withDefaultSigint = new ArrayList<>(List.of("env", "--default-signal=INT"));
        withDefaultSigint.addAll(harness.command());
        harness = harness.withCommand(withDefaultSigint);
        // Handles taken while the processes live carry their start time, so a recycled pid is never confused.
        List<ProcessHandle> descendants = new ArrayList<>();
        try (ServerProcess parent = ServerProcess.start(harness, logDir)) {
            Files.readAllLines(parent.stdoutLog()).stream()
                    .filter(line -> line.startsWith("CHILD ") || line.startsWith("GRANDCHILD "))
                    .map(line -> ProcessHandle.of(Long.parseLong(line.substring(line.indexOf(' ') + 1)))
                            .orElseThrow())
                    .forEach(descendants::add);
            assertThat(descendants).hasSize(2).allMatch(ProcessHandle::isAlive);

            // SIGINT to the parent only, as Ctrl-C in a terminal would send; its shutdown hook must do the rest.
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(parent.pid())).start();
            assertThat(kill.waitFor()).isZero();
            // Bounded: an unanswered SIGINT must fail the test, not hang the build.
            ProcessHandle handle = ProcessHandle.of(parent.pid()).orElse(null);
            if (handle != null) {
                assertThatCode(() -> handle.onExit().get(30, TimeUnit.SECONDS))
                        .as("the parent exits within 30 s of SIGINT")
                        .doesNotThrowAnyException();
            }

            assertThat(descendants).noneMatch(ProcessHandle::isAlive);
        } finally {
            // Should the hook ever fail, do not leave its orphans running on a shared machine.
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Waits (bounded) for the child to log a line; the child writes it right after its ready line. */
    private static void awaitLogLine(ServerProcess server, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.logTail(50).contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.logTail(50)).contains(expected);
    }

    /** Processes of this user whose command line contains {@code fragment}. */
    private static List<ProcessHandle> childrenRunning(String fragment) {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> String.join(" ", args))
                        .orElse("")
                        .contains(fragment))
                .toList();
    }
}
