package io.authbench.serverbench.stack;

import io.authbench.support.process.ServerDiedException;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The emulator, ssr-app and csr-app as child processes for the server-side phases, wired directly to each other on
 * loopback (no network links: this phase measures server cost, not the network).
 *
 * <p>The emulator runs with {@code --rate-limits off}: the login benchmarks sign the same few users in thousands of
 * times, which Appwrite's 10-per-hour per-email limit would turn into 429s (the harness's browser phase, which uses a
 * fresh user per login, keeps the limits on). Passwords are hashed with {@code --password-hash appwrite}, the real
 * Appwrite 1.6 argon2id cost, so login figures carry the real price.
 */
public final class ServerStack implements AutoCloseable {
    static final String PROJECT_ID = "authbench";
    /** Environment variables the servers read their API key from (docs/CONVENTIONS.md): never the command line. */
    static final String EMULATOR_KEY_ENV = "APPWRITE_EMULATOR_API_KEY";

    static final String APP_KEY_ENV = "APPWRITE_API_KEY";
    /** Bounded heaps: three servers, the benchmark JVMs and the load generator share a small machine. */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx512m");

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Appwrite's argon2 check can take seconds on a busy 2-core machine: measured, not turned into failures. */
    static final String UPSTREAM_TIMEOUT = "20s";

    private final List<ServerProcess> processes;
    private final RunningServers targets;

    private ServerStack(List<ServerProcess> processes, RunningServers targets) {
        this.processes = processes;
        this.targets = targets;
    }

    /** Starts the three servers (emulator first); on any failure the ones already started are stopped. */
    public static ServerStack launch(StackJars jars, Path logDir) {
        jars.requireExisting();
        String apiKey = newApiKey();
        List<ServerProcess> started = new ArrayList<>();
        try {
            ServerProcess emulator = start(
                    ServerSpec.javaJar(
                                    "appwrite-emulator",
                                    CHILD_JVM_OPTIONS,
                                    jars.emulatorJar(),
                                    List.of(
                                            "--port",
                                            "0",
                                            "--host",
                                            "127.0.0.1",
                                            "--project",
                                            PROJECT_ID,
                                            "--rate-limits",
                                            "off",
                                            "--password-hash",
                                            "appwrite"))
                            .withEnvironment(Map.of(EMULATOR_KEY_ENV, apiKey)),
                    logDir,
                    started);
            URI api = emulator.url();
            // The page reaches Appwrite as a browser would, on the host name localhost (same-site cookies).
            URI browserApi = URI.create("http://localhost:" + api.getPort() + "/v1");
            // The two apps need only Appwrite's URL: they start side by side (JVM start-up is most of the wait).
            CompletableFuture<ServerProcess> csrStart = CompletableFuture.supplyAsync(
                    () -> ServerProcess.start(
                            ServerSpec.javaJar(
                                            "csr-app",
                                            CHILD_JVM_OPTIONS,
                                            jars.csrJar(),
                                            List.of(
                                                    "--port",
                                                    "0",
                                                    "--host",
                                                    "127.0.0.1",
                                                    "--appwrite-endpoint",
                                                    browserApi.toString(),
                                                    "--project",
                                                    PROJECT_ID,
                                                    "--upstream-timeout",
                                                    UPSTREAM_TIMEOUT))
                                    .withStartTimeout(START_TIMEOUT),
                            logDir),
                    command -> {
                        Thread thread = new Thread(command, "server-bench-start-csr");
                        thread.setDaemon(true);
                        thread.start();
                    });
            ServerProcess ssr = null;
            RuntimeException failure = null;
            try {
                ssr = start(
                        ServerSpec.javaJar(
                                        "ssr-app",
                                        CHILD_JVM_OPTIONS,
                                        jars.ssrJar(),
                                        List.of(
                                                "--port",
                                                "0",
                                                "--host",
                                                "127.0.0.1",
                                                "--appwrite-endpoint",
                                                api.toString(),
                                                "--project",
                                                PROJECT_ID,
                                                "--upstream-timeout",
                                                UPSTREAM_TIMEOUT))
                                .withEnvironment(Map.of(APP_KEY_ENV, apiKey)),
                        logDir,
                        started);
            } catch (RuntimeException e) {
                failure = e;
            }
            // Whatever happened to ssr-app, a csr-app that started is ours to stop; the first failure is reported.
            try {
                started.add(csrStart.join());
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            ServerProcess csr = started.get(started.size() - 1);
            RunningServers targets = new RunningServers(
                    api,
                    ssr.url(),
                    csr.url(),
                    PROJECT_ID,
                    apiKey,
                    OptionalLong.of(emulator.pid()),
                    OptionalLong.of(ssr.pid()),
                    OptionalLong.of(csr.pid()));
            return new ServerStack(started, targets);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static ServerProcess start(ServerSpec spec, Path logDir, List<ServerProcess> started) {
        ServerProcess process = ServerProcess.start(spec.withStartTimeout(START_TIMEOUT), logDir);
        started.add(process);
        return process;
    }

    static String newApiKey() {
        byte[] secret = new byte[128];
        new SecureRandom().nextBytes(secret);
        return "standard_" + HexFormat.of().formatHex(secret);
    }

    public RunningServers targets() {
        return targets;
    }

    /** @throws ServerDiedException with the exit code and log tail of the first server that is no longer running */
    public void checkAlive() {
        for (ServerProcess process : processes) {
            process.checkAlive();
        }
    }

    private static void closeAll(List<ServerProcess> processes) {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    /** Stops the servers in reverse order of start; every process tree is gone when this returns. */
    @Override
    public void close() {
        closeAll(processes);
    }
}
