package io.authbench.serverbench;

import io.authbench.serverbench.jmh.JmhPhase;
import io.authbench.serverbench.jmh.ServerCpuProfiler;
import io.authbench.serverbench.jmh.ForkHandoffFile;
import io.authbench.serverbench.load.ConstantRateLoad;
import io.authbench.serverbench.load.CsrPageView;
import io.authbench.serverbench.load.LadderResult;
import io.authbench.serverbench.load.LoadLadder;
import io.authbench.serverbench.load.LoadOutcome;
import io.authbench.serverbench.load.LoadSettings;
import io.authbench.serverbench.load.PageView;
import io.authbench.serverbench.load.SsrPageView;
import io.authbench.serverbench.stack.CsrPage;
import io.authbench.serverbench.stack.Population;
import io.authbench.serverbench.stack.ServerCpu;
import io.authbench.serverbench.stack.ServerStack;
import io.authbench.serverbench.stack.RunningServers;
import io.authbench.serverbench.stack.PopulationUser;
import io.authbench.serverbench.stack.PopulationSeeder;
import io.authbench.support.SupportException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The server-side phase: what each pattern costs the servers (docs/measurement-model.md#server-phase-jmh-and-load). It
 * starts the emulator, ssr-app and csr-app (or uses running ones), seeds one user population for both variants, runs
 * the JMH benchmarks with the {@link ServerCpuProfiler}, then the constant-rate load ladder of SSR and then CSR page
 * views, one after the other (never next to the browser phase: run it after that phase has finished).
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

    private ServerCostPhase() {
    }

    /**
     * Starts the three servers from {@link ServerCostSettings#jars()}, measures, stops them.
     *
     * @throws ServerBenchException (or a {@link SupportException} from starting a server) with a one-line reason
     *                              if the phase cannot start; failures during measurement are kept in the result
     */
    public static ServerCostResult run(ServerCostSettings settings, Path runFolder, PrintStream progress) {
        Path folder = createFolder(runFolder);
        progress.println("server-bench (" + settings.name() + "): starting appwrite-emulator, ssr-app and csr-app"
                + " (logs: " + folder.resolve("logs") + ")");
        try (ServerStack stack = ServerStack.launch(settings.jars(), folder.resolve("logs"))) {
            return measure(stack.targets(), stack::checkAlive, settings, runFolder, progress);
        }
    }

    /**
     * Measures servers that are already running (started by the caller). Server CPU is measured only for the pids
     * given in {@code targets}. The emulator should run with {@code --rate-limits off} (see {@link ServerStack}).
     */
    public static ServerCostResult run(RunningServers targets, ServerCostSettings settings, Path runFolder, PrintStream progress) {
        createFolder(runFolder);
        return measure(targets, () -> { }, settings, runFolder, progress);
    }

    private static ServerCostResult measure(RunningServers targets, Runnable aliveCheck, ServerCostSettings settings,
                                            Path runFolder, PrintStream progress) {
        Path folder = runFolder.resolve(FOLDER);
        List<String> notes = new ArrayList<>();
        notes.add("Appwrite (the emulator) ran with --rate-limits off (the login benchmarks sign a few users in"
                + " thousands of times) and --password-hash appwrite (argon2id m=64 MiB, t=4, p=3: the real login cost).");
        CsrPage csrPage = CsrPage.probe(targets.csrUrl(), SEEDING_TIMEOUT);
        Population population = new PopulationSeeder(targets, SEEDING_TIMEOUT)
                .seed(settings.pageViewUsers(), settings.loginUsers(), progress);

        List<PopulationUser> users = population.pageViewUsers();
        SsrPageView ssrView = new SsrPageView(targets.ssrUrl(), users.stream().map(PopulationUser::ssrSessionSecret).toList());
        CsrPageView csrView = new CsrPageView(targets.csrUrl(), csrPage.indexEtag(), targets.appwriteApi(),
                targets.projectId(), targets.csrOrigin(), users.stream().map(PopulationUser::csrSession).toList());
        warmUp(settings, progress, ssrView, csrView);

        JmhPhase.Outcome jmh = new JmhPhase.Outcome(List.of(), List.of(), List.of());
        String jmhFile = null;
        if (settings.runJmh()) {
            Path targetFile = ForkHandoffFile.write(targets, population, csrPage);
            try {
                jmh = new JmhPhase(settings.jmh(), progress).run(targetFile,
                        ServerCpuProfiler.pidsValue(targets.appwritePid(), targets.ssrPid(), targets.csrPid()), folder);
                jmhFile = FOLDER + "/jmh-result.json";
            } finally {
                ForkHandoffFile.delete(targetFile);
            }
            notes.addAll(jmh.notes());
        }

        List<LadderResult> ladders = new ArrayList<>();
        if (settings.runLadder()) {
            aliveCheck.run();
            LoadLadder ladder = new LoadLadder(settings.ladder(), progress);
            progress.println("  load ladder, SSR page views: " + settings.ladder().ratesPerSecond() + " /s");
            LadderResult ssr = ladder.climb(new LoadLadder.Target("ssr", ssrView, cpu(targets.ssrPid()),
                    cpu(targets.appwritePid()), runFolder, FOLDER, aliveCheck));
            ladders.add(ssr);
            progress.println("  SSR: " + ssr.stopReason());
            progress.println("  load ladder, CSR page views: " + settings.ladder().ratesPerSecond() + " /s");
            LadderResult csr = ladder.climb(new LoadLadder.Target("csr", csrView, cpu(targets.csrPid()),
                    cpu(targets.appwritePid()), runFolder, FOLDER, aliveCheck));
            ladders.add(csr);
            progress.println("  CSR: " + csr.stopReason());
            for (LadderResult result : ladders) {
                if (result.stoppedByFault()) {
                    notes.add(result.variant().toUpperCase(java.util.Locale.ROOT) + " load ladder: " + result.stopReason());
                }
            }
        }
        return new ServerCostResult(settings.forResults(), jmh.results(), jmh.samples(), ladders, notes, jmhFile);
    }

    /**
     * JIT-warms both apps and Appwrite with the page views the phase measures, SSR and CSR side by side (they meet
     * only in Appwrite, which both warm); refuses to go on if every view of one kind fails.
     */
    private static void warmUp(ServerCostSettings settings, PrintStream progress, PageView... views) {
        if (settings.serverWarmup().isZero()) {
            return;
        }
        progress.printf("  warming the servers up: SSR and CSR page views at %d/s each, side by side, for %d s%n",
                ServerCostSettings.WARMUP_RATE, settings.serverWarmup().toSeconds());
        HttpClient client = ConstantRateLoad.newClient(Duration.ofSeconds(5));
        List<CompletableFuture<LoadOutcome>> runs = new ArrayList<>();
        for (PageView view : views) {
            runs.add(CompletableFuture.supplyAsync(() -> ConstantRateLoad.run(view,
                    LoadSettings.of(ServerCostSettings.WARMUP_RATE, settings.serverWarmup()), client), runner()));
        }
        for (int i = 0; i < views.length; i++) {
            LoadOutcome outcome = runs.get(i).join();
            if (outcome.succeeded() == 0) {
                throw new ServerBenchException("Every warm-up page view (" + views[i].target() + ") failed: "
                        + outcome.firstErrors().values().stream().findFirst().orElse("no answer")
                        + ". Check the server logs in the run folder.");
            }
        }
    }

    /** A fresh thread per warm-up run (each run has its own client threads; this one only waits for them). */
    private static java.util.concurrent.Executor runner() {
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
            throw new ServerBenchException("Cannot create " + folder + " (" + e.getMessage() + "). Choose a writable"
                    + " run folder.", e);
        }
    }
}
