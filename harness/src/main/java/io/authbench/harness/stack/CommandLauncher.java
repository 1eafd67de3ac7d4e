package io.authbench.harness.stack;

import io.authbench.harness.apptarget.StartCommand;
import io.authbench.harness.apptarget.TargetSpec;
import io.authbench.support.process.Readiness;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a launched target: its file's {@code start} command with the placeholders filled for the profile
 * ({@link StartCommand}), the API key only in the environment variable the file names, on a free loopback port.
 * Ready when its {@code ready} URL answers below 500 (HTTP/1.1) or its {@code ready} log line appears.
 *
 * @param spec        the target file
 * @param environment variables the harness adds to the file's (and replaces there), e.g. the Next.js apps'
 *                    {@code UPSTREAM_TIMEOUT_MS}; never the API key's variable
 */
public record CommandLauncher(TargetSpec spec, Map<String, String> environment) implements AppLauncher {
    /** Launched apps listen here; the browser reaches them through the browser→app link. */
    static final String HOST = "127.0.0.1";

    public CommandLauncher {
        if (!spec.launched()) {
            throw new IllegalArgumentException(spec.target().name() + " has no start command");
        }
        environment = Map.copyOf(environment);
        if (spec.start().apiKeyEnvironment() != null
                && environment.containsKey(spec.start().apiKeyEnvironment())) {
            throw new IllegalArgumentException("the API key's variable is the harness's to set");
        }
    }

    /** The target file's command and environment only. */
    public CommandLauncher(TargetSpec spec) {
        this(spec, Map.of());
    }

    @Override
    public ServerProcess start(Context context) {
        if (context.tls() != null) {
            // The command line refuses --transport=https with --target and --nextjs (RunCommand).
            throw new IllegalStateException(spec.target().name() + " cannot be given the run's certificate: a target"
                    + " file has no TLS options");
        }
        StartCommand start = spec.start();
        int port = freePort();
        URI base = URI.create("http://" + HOST + ":" + port);
        Map<String, String> values = StartCommand.values(
                port,
                HOST,
                context.appwriteForServer().toString(),
                context.appwriteForBrowser().toString(),
                context.projectId());
        Readiness readiness = start.readyPath() != null
                ? Readiness.httpGet(base.resolve(start.readyPath()), base)
                : Readiness.logLine(start.readyLogLine(), base);
        ServerSpec serverSpec = ServerSpec.of(spec.target().name() + "." + context.profileName(), start.command(values))
                .withWorkingDirectory(start.directory())
                .withEnvironment(environment(start.environment(values, context.apiKey())))
                .withStartTimeout(start.startTimeout())
                .withReadiness(readiness);
        return ServerProcess.start(context.cpuSets().forServer(serverSpec), context.logDir());
    }

    private Map<String, String> environment(Map<String, String> fromFile) {
        Map<String, String> all = new LinkedHashMap<>(fromFile);
        all.putAll(environment);
        return all;
    }

    @Override
    public int pinnedAppPort() {
        return spec.ports().app();
    }

    @Override
    public int pinnedAppwritePort() {
        return spec.ports().appwriteForBrowser();
    }

    /** A port free right now; the app binds it a moment later (another process taking it first fails the start). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST + " for a launched app: " + e.getMessage(), e);
        }
    }
}
