package io.authbench.harness.backend;

import io.authbench.harness.ServerJars;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The emulator as a truly external Appwrite: started through {@code sh -c '… &'} so it is not a descendant of this
 * JVM. The harness, run in-process by the test, sweeps every descendant of its JVM when it ends (ExitGuard); an
 * external Appwrite must survive that, so the test can ask its Users API afterwards. Stopped by its process id.
 */
final class DetachedEmulator implements AutoCloseable {
    private final long pid;
    private final URI api;
    private final Path log;

    private DetachedEmulator(long pid, URI api, Path log) {
        this.pid = pid;
        this.api = api;
        this.log = log;
    }

    /** Starts it with {@code apiKey} in its environment (never on a command line) and waits for its LISTENING line. */
    static DetachedEmulator start(Path dir, String apiKey) throws IOException, InterruptedException {
        Path log = dir.resolve("external-appwrite.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                "sh",
                "-c",
                "\"$0\" -Xmx256m -jar \"$1\" --port 0 --host 127.0.0.1"
                        + " --project authbench --password-hash fast --request-log > \"$2\" 2>&1 & echo $!",
                java,
                ServerJars.emulator().toString(),
                log.toString());
        builder.environment().putAll(Map.of("APPWRITE_EMULATOR_API_KEY", apiKey));
        Process shell = builder.redirectErrorStream(true).start();
        String pidText = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        shell.waitFor(10, TimeUnit.SECONDS);
        long pid = Long.parseLong(pidText);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            int at = text.indexOf("LISTENING ");
            if (at >= 0 && text.indexOf('\n', at) > 0) {
                return new DetachedEmulator(
                        pid,
                        URI.create(
                                text.substring(at + 10, text.indexOf('\n', at)).strip()),
                        log);
            }
            if (ProcessHandle.of(pid).isEmpty()) {
                throw new IllegalStateException("the emulator exited before it was ready:\n" + text);
            }
            Thread.sleep(100);
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        throw new IllegalStateException("the emulator printed no LISTENING line within 90 s");
    }

    URI api() {
        return api;
    }

    long pid() {
        return pid;
    }

    /** Its stdout (with --request-log: one line per request, never headers or bodies). */
    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }
}
