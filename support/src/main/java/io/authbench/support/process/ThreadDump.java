package io.authbench.support.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A thread dump of a running JVM child ({@code jcmd <pid> Thread.print}, the JDK's own tool next to this JVM's
 * {@code java}) written to a file: the evidence to keep when a child stops answering one request while it answers
 * others, before the moment passes.
 */
public final class ThreadDump {
    private static final long TIMEOUT_SECONDS = 10;

    private ThreadDump() {}

    /**
     * Writes the dump of {@code pid} to {@code file}; empty (and nothing thrown) if it could not be taken — no jcmd in
     * this JDK, the process is gone or not a JVM — because a diagnostic must never end a run.
     */
    public static Optional<Path> write(long pid, Path file) {
        Path jcmd = JavaExecutable.current().resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "Thread.print"))
                    .redirectErrorStream(true)
                    .redirectOutput(file.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(file) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
