package io.authbench.serverbench.stack;

import io.authbench.support.process.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The two Next.js reference apps as real {@code next start} processes (production builds) next to a running
 * {@link ServerStack}: the same emulator, project and API key (the key only in the environment variable the SSR
 * app's target file names; the CSR app gets none).
 *
 * <p>An app that cannot start (not built, a wrong folder, exits or stays silent) is not measured: its reason, with
 * the log tail of a failed start, is kept in {@link #skipped()} and the phase goes on with the other variants.
 * {@link #close()} stops every started app with its whole process tree.
 */
public final class NextStack implements AutoCloseable {
    /** The variants, in the order they are started and measured. */
    public static final List<String> VARIANTS = List.of("next-ssr", "next-csr");

    private final List<ServerProcess> processes;
    private final List<RunningNextApp> running;
    private final List<String> skipped;

    private NextStack(List<ServerProcess> processes, List<RunningNextApp> running, List<String> skipped) {
        this.processes = processes;
        this.running = running;
        this.skipped = skipped;
    }

    /**
     * Starts {@code <nextjsDir>/ssr} and {@code <nextjsDir>/csr} against {@code servers}' Appwrite. Never throws for
     * an app that does not start; see {@link #skipped()}.
     */
    public static NextStack launch(Path nextjsDir, RunningServers servers, Path logDir, PrintStream progress) {
        List<ServerProcess> processes = new ArrayList<>();
        List<RunningNextApp> running = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        URI api = servers.appwriteApi();
        // The page reaches Appwrite as a browser would, on the host name localhost (same-site cookies).
        URI browserApi = URI.create("http://localhost:" + api.getPort() + api.getRawPath());
        try {
            for (String variant : VARIANTS) {
                Path folder = nextjsDir.resolve(variant.substring("next-".length()));
                try {
                    NextApp app = NextApp.read(folder, variant);
                    ServerProcess process = ServerProcess.start(
                            app.spec(freePort(), api, browserApi, servers.projectId(), servers.apiKey()), logDir);
                    processes.add(process);
                    running.add(new RunningNextApp(variant, process.url(), OptionalLong.of(process.pid())));
                    progress.println("  " + variant + " ready at " + process.url() + " (pid " + process.pid() + ")");
                } catch (RuntimeException e) {
                    String reason = variant + " was not measured (it did not start): " + e.getMessage();
                    skipped.add(reason);
                    progress.println("  " + reason);
                }
            }
            return new NextStack(processes, running, skipped);
        } catch (RuntimeException | Error e) {
            closeAll(processes);
            throw e;
        }
    }

    /** The apps that started, in {@link #VARIANTS} order. */
    public List<RunningNextApp> running() {
        return List.copyOf(running);
    }

    /** One sentence per app that did not start: why, with its log tail when it was started. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** @throws io.authbench.support.process.ServerDiedException if that app is no longer running */
    public void checkAlive(String variant) {
        processes.stream().filter(p -> p.name().equals(variant)).forEach(ServerProcess::checkAlive);
    }

    /** A free loopback port for {@code next start --port} (it cannot report a port it chose itself). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(NextApp.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for a Next.js app (" + e.getMessage() + ").", e);
        }
    }

    private static void closeAll(List<ServerProcess> processes) {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    /** Stops the apps (each with its process tree); every process is gone when this returns. */
    @Override
    public void close() {
        closeAll(processes);
    }
}
