package io.authbench.harness.backend;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server jar started the way a user starts an app by hand: through {@code sh -c '… &'}, so it is not a descendant
 * of this JVM and the harness (which stops every descendant of its JVM when it ends) cannot own it. Secrets go in
 * its environment, never on the command line. Stopped by its process id.
 */
final class DetachedApp implements AutoCloseable {
    private final long pid;
    private final URI url;

    private DetachedApp(long pid, URI url) {
        this.pid = pid;
        this.url = url;
    }

    /** Starts {@code java -jar jar args…} and waits for its LISTENING line (in {@code dir/<name>.log}). */
    static DetachedApp start(Path dir, String name, Path jar, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = dir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                "sh",
                "-c",
                "out=\"$1\"; shift; \"$0\" -Xmx256m -jar \"$@\" > \"$out\" 2>&1 & echo $!",
                java,
                log.toString(),
                jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process shell = builder.redirectErrorStream(true).start();
        String pidText = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        shell.waitFor(10, TimeUnit.SECONDS);
        long pid = Long.parseLong(pidText);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            int at = text.indexOf("LISTENING ");
            if (at >= 0 && text.indexOf('\n', at) > 0) {
                return new DetachedApp(
                        pid,
                        URI.create(
                                text.substring(at + 10, text.indexOf('\n', at)).strip()));
            }
            if (ProcessHandle.of(pid).isEmpty()) {
                throw new IllegalStateException(name + " exited before it was ready:\n" + text);
            }
            Thread.sleep(100);
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        throw new IllegalStateException(name + " printed no LISTENING line within 90 s");
    }

    URI url() {
        return url;
    }

    long pid() {
        return pid;
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
