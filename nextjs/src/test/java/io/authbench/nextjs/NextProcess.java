package io.authbench.nextjs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code next start} process launched from a target file: a free loopback port, the placeholders filled in,
 * the API key (if the target takes one) in the environment only, output to log files. Ready once its ready URL
 * answers; {@link #close()} stops it and everything it started.
 *
 * <p>Not support's {@code ServerProcess}: that one waits for a {@code LISTENING} line, which {@code next start}
 * does not print. Readiness by URL is how the harness starts these targets too.
 */
final class NextProcess implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final int port;
    private final Path stdout;
    private final Path stderr;

    private NextProcess(Process process, int port, Path stdout, Path stderr) {
        this.process = process;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * @param appwriteEndpoint the emulator's API base, for both the server and the browser (one machine)
     * @param apiKey           given to the app only if its target names an {@code apiKeyEnvironment}
     */
    static NextProcess start(
            TargetJson target,
            URI appwriteEndpoint,
            String project,
            String apiKey,
            Path logDir,
            Map<String, String> extraEnvironment)
            throws IOException {
        int port = freePort();
        Map<String, String> values = Map.of(
                "port",
                Integer.toString(port),
                "host",
                HOST,
                "appwriteEndpoint",
                appwriteEndpoint.toString(),
                "appwriteBrowserEndpoint",
                appwriteEndpoint.toString(),
                "projectId",
                project);
        Files.createDirectories(logDir);
        Path stdout = logDir.resolve(target.name() + ".stdout.log");
        Path stderr = logDir.resolve(target.name() + ".stderr.log");
        ProcessBuilder builder = new ProcessBuilder(target.command(values))
                .directory(target.directory().toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> environment = new HashMap<>(target.environment(values));
        target.apiKeyEnvironment().ifPresent(name -> environment.put(name, apiKey));
        environment.putAll(extraEnvironment);
        builder.environment().putAll(environment);
        NextProcess next = new NextProcess(builder.start(), port, stdout, stderr);
        Runtime.getRuntime().addShutdownHook(new Thread(next::close)); // never leave a server behind
        try {
            next.awaitReady(target.readyPath(), target.startTimeout());
            return next;
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    // HTTP/1.1: `next start` drops requests that carry Java's default h2c upgrade.
    private void awaitReady(String readyPath, Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        URI ready = URI.create("http://" + HOST + ":" + port + readyPath);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("next start exited with code " + process.exitValue() + " before "
                        + ready + " answered.\n" + logs());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + ready, e);
            }
            sleep(200);
        }
        throw new IllegalStateException(ready + " did not answer within " + timeout.toSeconds() + " s.\n" + logs());
    }

    /** The app as the browser reaches it: host name localhost, same site as the emulator on localhost. */
    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String logs() {
        try {
            return "--- stdout ---\n" + Files.readString(stdout) + "\n--- stderr ---\n" + Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
