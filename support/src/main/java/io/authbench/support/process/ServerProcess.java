package io.authbench.support.process;

import io.authbench.support.SupportException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running child server: started from a {@link ServerSpec}, ready once it printed {@code LISTENING <url>} (or as
 * the spec's {@link Readiness} says), and stopped with its whole process tree by {@link #close()}.
 *
 * <p>Its stdout and stderr are drained into {@code <logDir>/<name>.stdout.log} and {@code .stderr.log} for its whole
 * life. A JVM shutdown hook kills every child that is still running when this JVM exits. Use it in
 * try-with-resources:
 *
 * <pre>{@code
 * try (ServerProcess emulator = ServerProcess.start(
 *         ServerSpec.javaMain("appwrite-emulator", TestClasspath.current(), "io.authbench.emulator.EmulatorMain",
 *                 List.of("--port", "0")), logDir)) {
 *     URI api = emulator.url();   // e.g. http://127.0.0.1:41234/v1
 * }
 * }</pre>
 */
public final class ServerProcess implements AutoCloseable {
    /** How many log lines of each stream an exception message shows. */
    public static final int TAIL_LINES_ON_ERROR = 20;

    /** How long {@link #close()} lets the child stop cleanly (SIGTERM) before it is killed (SIGKILL). */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** Bound on waiting for a dead child's last output to reach the log files. */
    private static final long DRAIN_WAIT_MILLIS = 2_000;

    private final String name;
    private final Process process;
    private final Path logDir;
    private final Readiness readiness;
    private final Instant startedAt = Instant.now();
    private final CompletableFuture<URI> ready = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private OutputDrain stdout;
    private OutputDrain stderr;
    private volatile URI url;
    /** HTTP readiness: the last poll's answer or failure, for the timeout message. */
    private static final String NO_POLL_YET = "no request answered yet";

    private volatile String lastPoll = NO_POLL_YET;

    private ServerProcess(String name, Process process, Path logDir, Readiness readiness) {
        this.name = name;
        this.process = process;
        this.logDir = logDir;
        this.readiness = readiness;
    }

    /**
     * Starts the child and returns once it printed its ready line.
     *
     * @throws ServerStartException if it cannot be started, exits first, prints a malformed ready line or stays
     *                              silent past {@link ServerSpec#startTimeout()} (then it is killed, with its tree)
     * @throws SupportException     if the log folder cannot be created
     */
    public static ServerProcess start(ServerSpec spec, Path logDir) {
        Path logs = createLogDir(logDir.toAbsolutePath());
        if (!Files.isDirectory(spec.workingDirectory())) {
            throw new ServerStartException(
                    spec.name() + " could not be started: its working directory " + spec.workingDirectory()
                            + " does not exist. Create it or choose another (ServerSpec.withWorkingDirectory).");
        }
        ProcessBuilder builder = new ProcessBuilder(spec.command())
                .directory(spec.workingDirectory().toFile());
        builder.environment().putAll(spec.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ServerStartException(
                    spec.name() + " could not be started (" + e.getMessage() + "). Check that "
                            + spec.command().get(0) + " exists and is executable.",
                    e);
        }
        ChildReaper.register(process.toHandle());
        ServerProcess server = new ServerProcess(spec.name(), process, logs, spec.readiness());
        try {
            server.drainOutput();
            if (spec.readiness().kind() == Readiness.Kind.HTTP_GET) {
                server.pollUntilReady();
            }
            server.awaitReady(spec.startTimeout());
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Path createLogDir(Path logDir) {
        try {
            return Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new SupportException(
                    "Cannot create the log folder " + logDir + " (" + e + "). Choose a writable folder.", e);
        }
    }

    private void drainOutput() {
        try {
            stdout = OutputDrain.start(name + "-stdout", process.getInputStream(), stdoutLog(), this::onStdoutLine);
            stderr = OutputDrain.start(name + "-stderr", process.getErrorStream(), stderrLog(), this::onStderrLine);
        } catch (IOException e) {
            throw new SupportException("Cannot write the logs of " + name + " into " + logDir + " (" + e + ").", e);
        }
        // Decide "exited before ready" only after stdout was read to its end, so a ready line printed just
        // before the exit is never missed.
        process.onExit().thenRunAsync(() -> {
            stdout.awaitEnd(DRAIN_WAIT_MILLIS);
            ready.completeExceptionally(new ExitedBeforeReady());
        });
    }

    private void onStdoutLine(String line) {
        if (ready.isDone()) {
            return;
        }
        if (readiness.kind() == Readiness.Kind.LOG_LINE) {
            onStderrLine(line);
            return;
        }
        if (readiness.kind() != Readiness.Kind.LISTENING_LINE || !ReadyLine.isReadyLine(line)) {
            return;
        }
        ReadyLine.url(line)
                .ifPresentOrElse(ready::complete, () -> ready.completeExceptionally(new MalformedReadyLine(line)));
    }

    /** A log-line readiness looks at both streams: apps print their start-up message on either. */
    private void onStderrLine(String line) {
        if (!ready.isDone()
                && readiness.kind() == Readiness.Kind.LOG_LINE
                && readiness.logLine().matcher(line).find()) {
            ready.complete(readiness.url());
        }
    }

    /** HTTP readiness: GETs the URL on a daemon thread until an answer below 500, the child's exit, or readiness. */
    private void pollUntilReady() {
        Thread poller = new Thread(
                () -> {
                    HttpClient http = readinessClient();
                    while (!ready.isDone() && process.isAlive()) {
                        try {
                            if (pollOnce(http)) {
                                ready.complete(readiness.base());
                                return;
                            }
                            Thread.sleep(Readiness.POLL_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                name + "-readiness");
        poller.setDaemon(true);
        poller.start();
    }

    private static HttpClient readinessClient() {
        return HttpClient.newBuilder()
                // HTTP/1.1: Node servers drop the h2c upgrade the JDK client sends by default.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One GET of the readiness URL; records its outcome in {@link #lastPoll}; true for an answer below 500. */
    private boolean pollOnce(HttpClient http) throws InterruptedException {
        try {
            int status = http.send(
                            HttpRequest.newBuilder(readiness.url())
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Accept", "text/html")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            lastPoll = "the last answer was HTTP " + status;
            return status < 500;
        } catch (IOException e) {
            lastPoll = "the last request failed: " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return false;
        }
    }

    private void awaitReady(Duration timeout) {
        try {
            url = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (readiness.kind() == Readiness.Kind.HTTP_GET && lastPoll.equals(NO_POLL_YET) && process.isAlive()) {
                // On a loaded machine the poller may not have finished one request in the whole window: ask once
                // more, so that the message names what the URL answers rather than "nothing yet".
                try {
                    if (pollOnce(readinessClient())) {
                        url = readiness.base();
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            close();
            if (readiness.kind() != Readiness.Kind.LISTENING_LINE) {
                throw new ServerStartException(
                        name + " did not " + readiness.describe() + " within " + describe(timeout)
                                + " and was stopped"
                                + (readiness.kind() == Readiness.Kind.HTTP_GET ? " (" + lastPoll + ")" : "")
                                + ". Check the command and its logs, or allow more time." + logEvidence());
            }
            String hint = LogTail.lastLines(stderrLog(), 1000).stream().anyMatch(ReadyLine::isReadyLine)
                    ? " It printed its ready line on stderr: print it on stdout."
                    : " Make sure it prints that line on stdout once it accepts requests, or allow more time"
                            + " (ServerSpec.withStartTimeout).";
            throw new ServerStartException(name + " did not print its ready line 'LISTENING <url>' within "
                    + describe(timeout) + " and was stopped." + hint + logEvidence());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MalformedReadyLine malformed) {
                close();
                throw new ServerStartException(name + " printed a ready line without a usable URL: '" + malformed.line
                        + "'. Expected 'LISTENING http://127.0.0.1:<port>'; it was stopped." + logEvidence());
            }
            stderr.awaitEnd(DRAIN_WAIT_MILLIS);
            throw new ServerStartException(name + " exited with " + ExitCodes.describe(process.exitValue())
                    + " before it was ready." + logEvidence());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ServerStartException("Interrupted while waiting for " + name + " to start; it was stopped.", e);
        }
    }

    /**
     * The base URL from the ready line, e.g. {@code http://127.0.0.1:41234} (the emulator's ends in {@code /v1}); with
     * another {@link Readiness}, the base URL it was given.
     */
    public URI url() {
        return url;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the child has exited; 128+n means it was killed by signal n. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** The folder holding {@code <name>.stdout.log} and {@code <name>.stderr.log}. */
    public Path logDir() {
        return logDir;
    }

    public Path stdoutLog() {
        return logDir.resolve(name + ".stdout.log");
    }

    public Path stderrLog() {
        return logDir.resolve(name + ".stderr.log");
    }

    /**
     * The last {@code lines} lines of stdout and of stderr, each under a header naming its file, for messages and
     * reports. Works during the child's life and after it.
     */
    public String logTail(int lines) {
        return section(stdoutLog(), lines) + "\n" + section(stderrLog(), lines);
    }

    private static String section(Path file, int lines) {
        List<String> tail = LogTail.lastLines(file, lines);
        String header = "--- " + file.getFileName() + " (last " + tail.size() + " lines) ---";
        return tail.isEmpty() ? header + "\n(empty)" : header + "\n" + String.join("\n", tail);
    }

    private String logEvidence() {
        return " Logs: " + logDir + "\n" + logTail(TAIL_LINES_ON_ERROR);
    }

    /**
     * Throws if the child is no longer running, so a harness notices a server that died after start instead of
     * measuring connection errors.
     *
     * @throws ServerDiedException   with the exit code and the log tail, if the child has exited
     * @throws IllegalStateException if {@link #close()} already stopped it
     */
    public void checkAlive() {
        if (closed.get()) {
            throw new IllegalStateException(name + " was stopped by close(); start a new ServerProcess.");
        }
        if (process.isAlive()) {
            return;
        }
        stdout.awaitEnd(DRAIN_WAIT_MILLIS);
        stderr.awaitEnd(DRAIN_WAIT_MILLIS);
        Duration ran = Duration.between(startedAt, Instant.now());
        throw new ServerDiedException(
                name + " is no longer running: it exited with " + ExitCodes.describe(process.exitValue()) + " about "
                        + describe(ran) + " after it was started." + logEvidence());
    }

    /**
     * Stops the child and every process it started: SIGTERM, up to {@link #STOP_GRACE} to exit, then SIGKILL.
     * Returns once they are gone and the logs are complete. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ProcessTree.stop(process.toHandle(), STOP_GRACE);
        ChildReaper.unregister(process.toHandle());
        if (stdout != null) {
            stdout.awaitEnd(DRAIN_WAIT_MILLIS);
        }
        if (stderr != null) {
            stderr.awaitEnd(DRAIN_WAIT_MILLIS);
        }
    }

    @Override
    public String toString() {
        return "ServerProcess[" + name + ", pid " + process.pid() + ", " + (url == null ? "not ready" : url) + "]";
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }

    /** Marks the ready future when the child exits first. */
    private static final class ExitedBeforeReady extends RuntimeException {
        ExitedBeforeReady() {
            super(null, null, false, false);
        }
    }

    /** Marks the ready future when the ready line carries no usable URL. */
    private static final class MalformedReadyLine extends RuntimeException {
        final String line;

        MalformedReadyLine(String line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
