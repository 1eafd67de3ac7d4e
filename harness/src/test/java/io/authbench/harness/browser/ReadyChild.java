package io.authbench.harness.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process that is not one of AuthBench's servers (a Playwright server, a Selenium Grid) and so has its own
 * readiness line: started, both streams copied to a log file, ready once a line matches {@code ready}; closing it
 * ends the child and every process it started (a grid's chromedriver and Chromium).
 */
final class ReadyChild implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final CompletableFuture<Matcher> ready = new CompletableFuture<>();

    private ReadyChild(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ReadyChild start(
            List<String> command, Map<String, String> environment, Pattern readyLine, Duration timeout, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        Files.createDirectories(log.getParent());
        ReadyChild child = new ReadyChild(builder.start(), log);
        child.copy(child.process.getInputStream(), readyLine);
        child.copy(child.process.getErrorStream(), readyLine);
        child.process
                .onExit()
                .thenRun(() -> child.ready.completeExceptionally(
                        new IllegalStateException(command.get(0) + " exited with " + child.process.exitValue())));
        try {
            child.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            child.close();
            throw new IllegalStateException(
                    "not ready within " + timeout + " (" + e + "); log:\n" + child.logText(), e);
        }
        return child;
    }

    /** A group of the ready line, e.g. the URL it printed. */
    String group(int group) {
        return ready.join().group(group);
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void copy(InputStream stream, Pattern readyLine) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            synchronized (this) {
                                Files.writeString(
                                        log,
                                        line + System.lineSeparator(),
                                        StandardCharsets.UTF_8,
                                        StandardOpenOption.CREATE,
                                        StandardOpenOption.APPEND);
                            }
                            Matcher matcher = readyLine.matcher(line);
                            if (!ready.isDone() && matcher.find()) {
                                ready.complete(matcher);
                            }
                        }
                    } catch (IOException e) {
                        if (process.isAlive()) {
                            throw new UncheckedIOException(e);
                        }
                    }
                },
                "ready-child-output");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle handle : tree) {
            handle.destroyForcibly();
            handle.onExit().completeOnTimeout(handle, 5, TimeUnit.SECONDS).join();
        }
    }
}
