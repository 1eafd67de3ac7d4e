package io.authbench.serverbench;

import io.authbench.serverbench.jmh.ForkHandoffFile;
import io.authbench.serverbench.jmh.JmhPhase;
import io.authbench.serverbench.jmh.NextSsrBenchmarks;
import io.authbench.serverbench.jmh.ServerCpuProfiler;
import io.authbench.serverbench.load.ConstantRateLoad;
import io.authbench.serverbench.load.CsrPageView;
import io.authbench.serverbench.load.LadderResult;
import io.authbench.serverbench.load.LoadLadder;
import io.authbench.serverbench.load.LoadOutcome;
import io.authbench.serverbench.load.LoadSettings;
import io.authbench.serverbench.load.NextCsrPageView;
import io.authbench.serverbench.load.PageView;
import io.authbench.serverbench.load.PageViewFailure;
import io.authbench.serverbench.load.SsrPageView;
import io.authbench.serverbench.stack.CsrPage;
import io.authbench.serverbench.stack.NextCsrPage;
import io.authbench.serverbench.stack.NextStack;
import io.authbench.serverbench.stack.Population;
import io.authbench.serverbench.stack.PopulationSeeder;
import io.authbench.serverbench.stack.PopulationUser;
import io.authbench.serverbench.stack.RunningNextApp;
import io.authbench.serverbench.stack.RunningServers;
import io.authbench.serverbench.stack.ServerCpu;
import io.authbench.serverbench.stack.ServerStack;
import io.authbench.support.SupportException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The server-side phase: what each pattern costs the servers (docs/measurement-model.md#server-phase-jmh-and-load). It
 * starts the emulator, ssr-app and csr-app (or uses running ones) and, when asked for, the Next.js apps
 * {@code next-ssr} and {@code next-csr} ({@link NextStack}), seeds one user population for every variant, runs the JMH
 * benchmarks with the {@link ServerCpuProfiler}, then the constant-rate load ladder of SSR, CSR, next-ssr and next-csr
 * page views, one after the other (never next to the browser phase: run it after that phase has finished).
 *
 * <p>Files in the run folder, all under {@value #FOLDER}/: {@code jmh-result.json} (JMH's JSON), {@code jmh-output-*.txt},
 * one HdrHistogram log per ladder step ({@code load-<variant>-<rate>ps.hlog}) and {@code logs/} (the servers' output).
 * No file holds a secret: the API key and sessions reach JMH's forks through an owner-only temporary file that is
 * deleted afterwards.
 */
public final class ServerCostPhase {
    /** Folder inside the run folder that holds this phase's files. */
    public static final String FOLDER = "server-bench";

    static final Duration SEEDING_TIMEOUT = Duration.ofSeconds(60);
    /** Bound on the one page view per server sent before its warm-up. */
    static final Duration PRIMING_TIMEOUT = Duration.ofSeconds(30);

    private ServerCostPhase() {}

    /**
     * Starts the three servers from {@link ServerCostSettings#jars()} (and, with {@link ServerCostSettings#nextjsDir()},
     * the two Next.js apps), measures, stops them.
     *
     * @throws ServerBenchException (or a {@link SupportException} from starting a server) with a one-line reason
     *                              if the phase cannot start; failures during measurement are kept in the result, and
     *                              a Next.js app that does not start is a note (its variant is not measured)
     */
    public static ServerCostResult run(ServerCostSettings settings, Path runFolder, PrintStream progress) {
        Path folder = createFolder(runFolder);
        progress.println("server-bench (" + settings.name() + "): starting appwrite-emulator, ssr-app and csr-app"
                + " (logs: " + folder.resolve("logs") + ")");
        try (ServerStack stack = ServerStack.launch(settings.jars(), folder.resolve("logs"))) {
            return withNextApps(stack.targets(), stack::checkAlive, settings, runFolder, progress);
        }
    }

    /**
     * Measures servers that are already running (started by the caller). Server CPU is measured only for the pids
     * given in {@code targets}. The emulator should run with {@code --rate-limits off} (see {@link ServerStack}). With
     * {@link ServerCostSettings#nextjsDir()} the Next.js apps are started against that Appwrite and stopped again.
     */
    public static ServerCostResult run(
            RunningServers targets, ServerCostSettings settings, Path runFolder, PrintStream progress) {
        createFolder(runFolder);
        return withNextApps(targets, () -> {}, settings, runFolder, progress);
    }

    private static ServerCostResult withNextApps(
            RunningServers targets,
            Runnable aliveCheck,
            ServerCostSettings settings,
            Path runFolder,
            PrintStream progress) {
        if (settings.nextjsDir() == null) {
            return measure(targets, List.of(), variant -> aliveCheck, List.of(), settings, runFolder, progress);
        }
        progress.println("  starting the Next.js apps (next start, production builds) from " + settings.nextjsDir());
        try (NextStack next = NextStack.launch(
                settings.nextjsDir(), targets, runFolder.resolve(FOLDER).resolve("logs"), progress)) {
            Function<String, Runnable> checks = variant -> variant.startsWith("next-")
                    ? () -> {
                        aliveCheck.run();
                        next.checkAlive(variant);
                    }
                    : aliveCheck;
            return measure(targets, next.running(), checks, next.skipped(), settings, runFolder, progress);
        }
    }

    private static ServerCostResult measure(
            RunningServers targets,
            List<RunningNextApp> nextApps,
            Function<String, Runnable> aliveChecks,
            List<String> skipped,
            ServerCostSettings settings,
            Path runFolder,
            PrintStream progress) {
        Path folder = runFolder.resolve(FOLDER);
        List<String> notes = new ArrayList<>();
        notes.add(
                "Appwrite (the emulator) ran with --rate-limits off (the login benchmarks sign a few users in"
                        + " thousands of times) and --password-hash appwrite (argon2id m=64 MiB, t=4, p=3: the real login cost).");
        notes.addAll(skipped);
        CsrPage csrPage = CsrPage.probe(targets.csrUrl(), SEEDING_TIMEOUT);
        Population population = new PopulationSeeder(targets, SEEDING_TIMEOUT)
                .seed(settings.pageViewUsers(), settings.loginUsers(), progress);

        List<PopulationUser> users = population.pageViewUsers();
        List<String> ssrSecrets =
                users.stream().map(PopulationUser::ssrSessionSecret).toList();
        SsrPageView ssrView = new SsrPageView(targets.ssrUrl(), ssrSecrets);
        CsrPageView csrView = new CsrPageView(
                targets.csrUrl(),
                csrPage.indexEtag(),
                targets.appwriteApi(),
                targets.projectId(),
                targets.csrOrigin(),
                users.stream().map(PopulationUser::csrSession).toList());
        Map<String, PageView> bundledViews = new LinkedHashMap<>();
        bundledViews.put("ssr", ssrView);
        bundledViews.put("csr", csrView);
        warmUp(settings, progress, bundledViews, ServerCostSettings.WARMUP_RATE).ifPresent(failure -> {
            throw new ServerBenchException(failure + " Check the server logs in the run folder.");
        });

        // The Next.js apps: the same users and sessions (the SSR app takes the same session secret as its cookie; the
        // CSR app's page calls Appwrite with the same browser session, from its own origin).
        Map<String, PageView> nextViews = new LinkedHashMap<>();
        Map<String, RunningNextApp> nextRunning = new LinkedHashMap<>();
        NextCsrPage nextCsrPage = null;
        for (RunningNextApp app : nextApps) {
            try {
                if (app.variant().equals("next-ssr")) {
                    nextViews.put(
                            app.variant(), SsrPageView.checked(app.url(), ssrSecrets, NextSsrBenchmarks.SIGNED_IN));
                } else {
                    nextCsrPage = NextCsrPage.probe(app.url(), SEEDING_TIMEOUT);
                    nextViews.put(
                            app.variant(),
                            new NextCsrPageView(
                                    app.url(),
                                    targets.appwriteApi(),
                                    targets.projectId(),
                                    app.browserOrigin(),
                                    users.stream()
                                            .map(PopulationUser::csrSession)
                                            .toList()));
                }
                nextRunning.put(app.variant(), app);
            } catch (RuntimeException e) {
                notes.add(app.variant() + " was not measured: " + e.getMessage());
                progress.println("  " + app.variant() + " was not measured: " + e.getMessage());
            }
        }
        if (!nextViews.isEmpty()) {
            List<String> variants = new ArrayList<>(nextViews.keySet());
            for (String variant : variants) {
                warmUp(settings, progress, Map.of(variant, nextViews.get(variant)), ServerCostSettings.NEXT_WARMUP_RATE)
                        .ifPresent(failure -> {
                            notes.add(variant + " was not measured: " + failure + " See its log in "
                                    + folder.resolve("logs") + ".");
                            progress.println("  " + variant + " was not measured: " + failure);
                            nextViews.remove(variant);
                            nextRunning.remove(variant);
                        });
            }
            if (!nextRunning.containsKey("next-csr")) {
                nextCsrPage = null;
            }
        }

        JmhPhase.Outcome jmh = new JmhPhase.Outcome(List.of(), List.of(), List.of());
        String jmhFile = null;
        if (settings.runJmh()) {
            List<RunningNextApp> measured = List.copyOf(nextRunning.values());
            Path targetFile = ForkHandoffFile.write(targets, measured, nextCsrPage, population, csrPage);
            Map<String, OptionalLong> pids = new LinkedHashMap<>();
            pids.put("appwrite", targets.appwritePid());
            pids.put("ssr", targets.ssrPid());
            pids.put("csr", targets.csrPid());
            measured.forEach(app -> pids.put(app.variant(), app.pid()));
            Set<String> variants = new HashSet<>(JmhPhase.BUNDLED);
            variants.addAll(nextRunning.keySet());
            try {
                jmh = new JmhPhase(settings.jmh(), progress)
                        .run(targetFile, ServerCpuProfiler.pidsValue(pids), folder, variants);
                jmhFile = FOLDER + "/jmh-result.json";
            } finally {
                ForkHandoffFile.delete(targetFile);
            }
            notes.addAll(jmh.notes());
        }

        List<LadderResult> ladders = new ArrayList<>();
        if (settings.runLadder()) {
            aliveChecks.apply("ssr").run();
            LoadLadder ladder = new LoadLadder(settings.ladder(), progress);
            ladders.add(climb(
                    ladder,
                    "ssr",
                    ssrView,
                    cpu(targets.ssrPid()),
                    targets,
                    aliveChecks,
                    runFolder,
                    settings,
                    progress));
            ladders.add(climb(
                    ladder,
                    "csr",
                    csrView,
                    cpu(targets.csrPid()),
                    targets,
                    aliveChecks,
                    runFolder,
                    settings,
                    progress));
            for (Map.Entry<String, PageView> view : nextViews.entrySet()) {
                ladders.add(climb(
                        ladder,
                        view.getKey(),
                        view.getValue(),
                        cpu(nextRunning.get(view.getKey()).pid()),
                        targets,
                        aliveChecks,
                        runFolder,
                        settings,
                        progress));
            }
            for (LadderResult result : ladders) {
                if (result.stoppedByFault()) {
                    notes.add(result.variant().toUpperCase(Locale.ROOT) + " load ladder: " + result.stopReason());
                }
            }
        }
        return new ServerCostResult(settings.forResults(), jmh.results(), jmh.samples(), ladders, notes, jmhFile);
    }

    private static LadderResult climb(
            LoadLadder ladder,
            String variant,
            PageView view,
            Optional<ServerCpu> appCpu,
            RunningServers targets,
            Function<String, Runnable> aliveChecks,
            Path runFolder,
            ServerCostSettings settings,
            PrintStream progress) {
        String label = variant.toUpperCase(Locale.ROOT);
        progress.println(
                "  load ladder, " + label + " page views: " + settings.ladder().ratesPerSecond() + " /s");
        LadderResult result = ladder.climb(new LoadLadder.Target(
                variant, view, appCpu, cpu(targets.appwritePid()), runFolder, FOLDER, aliveChecks.apply(variant)));
        progress.println("  " + label + ": " + result.stopReason());
        return result;
    }

    /**
     * JIT-warms the apps and Appwrite with the page views the phase measures, side by side (they meet only in
     * Appwrite, which all warm); the reason if every view of one kind failed, else empty. Each view is first sent once
     * on its own with a long timeout: a cold server's first answer (class loading, a Node.js server loading its
     * modules) can take seconds on a busy machine, and at a fixed rate every view queued behind it would time out.
     */
    private static Optional<String> warmUp(
            ServerCostSettings settings, PrintStream progress, Map<String, PageView> views, int rate) {
        if (settings.serverWarmup().isZero()) {
            return Optional.empty();
        }
        progress.printf(
                "  warming the servers up: %s page views at %d/s%s for %d s%n",
                String.join(" and ", views.keySet()),
                rate,
                views.size() > 1 ? " each, side by side," : "",
                settings.serverWarmup().toSeconds());
        HttpClient client = ConstantRateLoad.newClient(Duration.ofSeconds(5));
        for (PageView view : views.values()) {
            try {
                view.perform(client, 0, PRIMING_TIMEOUT);
            } catch (PageViewFailure e) {
                // the warm-up below decides: a server that never answers fails every one of its views
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerBenchException("Interrupted while warming the servers up.");
            }
        }
        Map<String, CompletableFuture<LoadOutcome>> runs = new LinkedHashMap<>();
        views.forEach((variant, view) -> runs.put(
                variant,
                CompletableFuture.supplyAsync(
                        () -> ConstantRateLoad.run(view, LoadSettings.of(rate, settings.serverWarmup()), client),
                        runner())));
        for (Map.Entry<String, CompletableFuture<LoadOutcome>> run : runs.entrySet()) {
            LoadOutcome outcome = run.getValue().join();
            if (outcome.succeeded() == 0) {
                return Optional.of("Every warm-up page view of " + run.getKey() + " ("
                        + views.get(run.getKey()).target() + ") failed: "
                        + outcome.firstErrors().values().stream().findFirst().orElse("no answer") + ".");
            }
        }
        return Optional.empty();
    }

    /** A fresh thread per warm-up run (each run has its own client threads; this one only waits for them). */
    private static Executor runner() {
        return task -> {
            Thread thread = new Thread(task, "server-bench-warmup");
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static Optional<ServerCpu> cpu(OptionalLong pid) {
        return pid.isPresent() ? Optional.of(ServerCpu.of(pid.getAsLong())) : Optional.empty();
    }

    private static Path createFolder(Path runFolder) {
        Path folder = runFolder.resolve(FOLDER);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ServerBenchException(
                    "Cannot create " + folder + " (" + e.getMessage() + "). Choose a writable" + " run folder.", e);
        }
    }
}
