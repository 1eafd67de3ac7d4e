package io.authbench.harness.run;

import io.authbench.harness.apps.AppSource;
import io.authbench.harness.apps.LinkCalibrations;
import io.authbench.harness.apps.Preparation;
import io.authbench.harness.apps.ProfileApps;
import io.authbench.harness.backend.BackendSetup;
import io.authbench.harness.backend.RateLimits;
import io.authbench.harness.browser.BrowserSession;
import io.authbench.harness.browser.BrowserTarget;
import io.authbench.harness.browser.Screencast;
import io.authbench.harness.cli.Defaults;
import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.cli.Topology;
import io.authbench.harness.codesize.CodeSizeProbe;
import io.authbench.harness.filmstrip.FilmstripRecorder;
import io.authbench.harness.flow.Flow;
import io.authbench.harness.flow.FlowRunner;
import io.authbench.harness.flow.IterationOutcome;
import io.authbench.harness.flow.IterationSettings;
import io.authbench.harness.flow.TestUser;
import io.authbench.harness.plan.CellKey;
import io.authbench.harness.plan.StoppingRule;
import io.authbench.harness.plan.Variant;
import io.authbench.harness.profile.LinkSpec;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.harness.stack.ChildDiedException;
import io.authbench.harness.stack.EmulatorStats;
import io.authbench.harness.stack.Stack;
import io.authbench.harness.stack.UserSeeder;
import io.authbench.harness.transport.RunTls;
import io.authbench.reports.results.BlockDesign;
import io.authbench.reports.results.CalibratedLink;
import io.authbench.reports.results.CellSummary;
import io.authbench.reports.results.CodeSize;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.Incident;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.ResultsWriter;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.support.browser.BrowserLocator;
import io.authbench.support.process.CpuSets;
import io.authbench.support.process.ThreadDump;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a benchmark (docs/architecture.md#from-a-click-to-a-verdict): starts the emulator and Chromium, then per profile
 * the links and both apps; warms the servers; calibrates the links; seeds a fresh user per iteration; runs the planned
 * pairs; appends each sample to results.json as it is measured.
 *
 * <p>A child that dies (or stops answering) ends the run: the incident names it with its log tail, the iterations
 * not run are recorded as failed samples, and everything measured stays in the file. Every child process is gone
 * when {@link #run} returns, also on errors and on Ctrl-C ({@link ExitGuard}).
 */
public final class BenchmarkEngine {
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** How long the emulator's statistics and rate-limit reads may take. */
    private static final Duration LIVENESS_TIMEOUT = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final PrintWriter err;
    private int reportedSetUpRetries;

    public BenchmarkEngine(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the benchmark described by {@code options}; returns the exit code (0 complete, 1 failed). */
    public int run(HarnessOptions options) {
        List<NetworkProfile> profiles = options.profiles();
        int maxIterations = Schedule.maxIterations(options, profiles);
        if (!BackendSetup.preflight(options, out, err)) {
            return 2;
        }
        RunFolder folder = RunFolder.create(options.out());
        // A remote browser needs no Chromium here; with a Playwright server, --browser is the binary on its machine.
        Path browserPath = options.browser() != null || options.topology().remoteBrowser()
                ? options.browser()
                : BrowserLocator.locate();
        BrowserTarget browserTarget = options.topology().browserTarget(browserPath);
        FilmstripRecorder filmstrip = !options.filmstrip()
                ? null
                : FilmstripRecorder.plan(
                                profiles.stream()
                                        .map(BenchmarkEngine::profileInfo)
                                        .toList(),
                                options.flowCodes(),
                                options.pairs())
                        .orElse(null);
        Instant started = Instant.now();
        String runId = RUN_ID.format(started);
        out.println("authbench: run " + runId + " — " + (options.blocks().adaptive() ? "at most " : "")
                + maxIterations + " iterations (" + options.flows().size() + " flows × " + profiles.size()
                + " profiles, " + describeBlocks(options)
                + (options.aaFlow() == null ? "" : ", A/A cell on " + options.aaFlowCode()) + ")");
        if (options.nextjs() != null) {
            out.println("authbench: four variants: ssr, csr (Undertow) and next-ssr, next-csr (Next.js "
                    + options.nextjs().versions().getOrDefault("next", "?") + ", node "
                    + options.nextjs().versions().getOrDefault("node", "?") + ", from "
                    + options.nextjs().directory()
                    + "), each pair k of one next to the other's");
            Schedule.nextjsSkippedFlows(options)
                    .forEach((flow, reason) ->
                            out.println("authbench: flow " + flow + " skipped for next-ssr and next-csr: " + reason));
        }
        out.println("authbench: run folder " + folder.root());
        Schedule.skippedFlows(options)
                .forEach((flow, reason) -> out.println("authbench: flow " + flow + " skipped: " + reason));
        if (browserTarget.remote()) {
            out.println("authbench: browser: " + browserTarget.describe() + "; links on "
                    + options.topology().links().bindAddress().getHostAddress() + ", URLs with "
                    + options.topology().links().publicHost());
        }
        String linkWarning = options.topology().links().warning(browserTarget.remote());
        if (linkWarning != null) {
            err.println("authbench: warning: " + linkWarning);
            err.flush();
        }
        out.flush();

        // Pinned before anything starts: Chromium, launched below, inherits this JVM's CPUs; the servers are started
        // on the other set. Released before the server phase, which measures the servers with CPUs of its own.
        try (CpuSets.Pinned pinned = pin(options);
                ExitGuard guard = new ExitGuard();
                RunTls tls = openTls(options, folder, guard);
                Stack stack = BackendSetup.startStack(options, folder.logs(), tls);
                BrowserSession browser = BrowserSession.open(
                        browserTarget,
                        options.topology().browserFlags(),
                        tls == null ? Map.of() : tls.chromiumEnvironment())) {
            Environment environment = environment(options, browser.version(), stack.backendLabel());
            Run run = new Run(
                    runId,
                    RunStatus.RUNNING,
                    null,
                    started,
                    null,
                    options.seed(),
                    options.quick(),
                    withFilmstripSetting(runConfig(options, browserPath, browserTarget), filmstrip));
            try (ResultsWriter writer = ResultsWriter.create(
                    folder.results(),
                    RunResults.start(
                            run,
                            environment,
                            profiles.stream().map(BenchmarkEngine::profileInfo).toList()))) {
                guard.watch(writer);
                writer.writeSamplesAtMostEvery(Defaults.RESULTS_WRITE_INTERVAL);
                recordCodeSize(options, writer);
                Outcome outcome =
                        measure(options, profiles, maxIterations, stack, browser, folder, writer, guard, filmstrip);
                if (guard.stopping()) {
                    out.println("authbench: interrupted; results so far in " + folder.results());
                    out.flush();
                    return 1;
                }
                String overhead = OverheadSummary.describe(outcome.overheadMs);
                if (!overhead.isEmpty()) {
                    writer.addIncident(new Incident(
                            Instant.now(),
                            "harness",
                            "measurement overhead per iteration (harness work a user's browser would not do): "
                                    + overhead));
                }
                pinned.close();
                boolean serverPhaseOk = runServerPhase(options, outcome, stack, browser, folder, writer);
                if (guard.stopping()) {
                    out.println("authbench: interrupted; results so far in " + folder.results());
                    out.flush();
                    return 1;
                }
                writer.finish(outcome.status, outcome.reason);
                printSummary(writer.current(), outcome, folder);
                boolean measured = writer.current().samples().stream().anyMatch(s -> !s.warmup());
                boolean reported = measured ? RunReport.write(folder.root(), out, err) : false;
                if (!measured) {
                    out.println("authbench: no report: no sample was measured");
                }
                return outcome.status == RunStatus.COMPLETE && outcome.everyVariantMeasured && serverPhaseOk && reported
                        ? 0
                        : 1;
            }
        }
    }

    /**
     * With {@code --transport=https}: the run's certificate authority, its servers' certificates and Chromium's trust
     * database in {@code <run folder>/tls}; null over plain HTTP. The keys it writes are deleted when the run ends: by
     * try-with-resources on a normal or failed end, by the Ctrl-C hook ({@link ExitGuard#onStop}) otherwise.
     */
    private RunTls openTls(HarnessOptions options, RunFolder folder, ExitGuard guard) {
        if (!options.topology().transport().tls()) {
            return null;
        }
        RunTls tls = RunTls.create(
                folder.root(),
                options.topology().links().publicHost(),
                options.topology().links().appwriteHost());
        guard.onStop(tls::close);
        out.println("authbench: transport https: the run's certificate authority and server certificates are in "
                + tls.folder() + " (the servers' keys are deleted when the run ends); Chromium trusts that"
                + " authority only");
        out.flush();
        return tls;
    }

    /**
     * The server-side phase, after the browser phase: Chromium, the emulator and every other child of the browser
     * phase are stopped first, because the phase starts its own servers and loads the machine
     * (docs/statistics.md#phases-never-overlap: phases never overlap). Skipped when turned off or when the browser
     * phase did not complete. False if it failed.
     */
    private boolean runServerPhase(
            HarnessOptions options,
            Outcome outcome,
            Stack stack,
            BrowserSession browser,
            RunFolder folder,
            ResultsWriter writer) {
        if (!options.serverPhase()) {
            return true;
        }
        String skipped = ServerPhase.skipReason(options);
        if (skipped != null) {
            out.println("authbench: server phase skipped: " + skipped);
            writer.addIncident(
                    new Incident(Instant.now(), ServerPhase.COMPONENT, "the server phase was skipped: " + skipped));
            return true;
        }
        if (outcome.status != RunStatus.COMPLETE) {
            out.println("authbench: server phase skipped: the browser phase did not complete");
            writer.addIncident(new Incident(
                    Instant.now(),
                    ServerPhase.COMPONENT,
                    "the server phase was skipped because the browser phase did not complete"));
            return true;
        }
        browser.close();
        stack.close();
        ExitGuard.stopDescendants();
        return ServerPhase.real(out, err).run(options, folder.root(), writer);
    }

    private record Outcome(
            RunStatus status, String reason, boolean everyVariantMeasured, List<Map<String, Double>> overheadMs) {}

    private Outcome measure(
            HarnessOptions options,
            List<NetworkProfile> profiles,
            int maxIterations,
            Stack stack,
            BrowserSession browser,
            RunFolder folder,
            ResultsWriter writer,
            ExitGuard guard,
            FilmstripRecorder filmstrip) {
        Progress progress = new Progress(out, maxIterations);
        CellAggregates aggregates = new CellAggregates();
        List<CalibratedLink> calibrations = new ArrayList<>();
        List<Map<String, Double>> overhead = new ArrayList<>();
        UserSeeder seeder = new UserSeeder(
                stack.appwriteApi(),
                stack.projectId(),
                stack.apiKey(),
                options.sdkCallTimeout(),
                Long.toString(System.currentTimeMillis(), 36),
                stack.clientTrust());
        if (stack.appwritePid() > 0) {
            seeder.onNoAnswer(what -> saveThreadDump(stack, folder, what));
        }
        EmulatorStats stats = stack.emulatorStats(LIVENESS_TIMEOUT);
        RateLimits rateLimits =
                new RateLimits(stack.appwriteApi(), stack.projectId(), LIVENESS_TIMEOUT, stack.clientTrust());
        Runnable deleteTestUsers = BackendSetup.userCleanup(stack, seeder, writer, out);
        guard.onStop(deleteTestUsers);
        Deque<Step> pending = new ArrayDeque<>();
        AppSource apps = AppSource.of(options, stack);
        BlockDesign design = options.blocks();
        StoppingRule rule =
                new StoppingRule(design, cell -> !Flow.valueOf(cell.flow()).timed());
        Set<CellKey> open = Schedule.cells(options, profiles);
        boolean filmstripDone = false;
        try {
            for (int block = 0; block < design.maxBlocks() && !open.isEmpty(); block++) {
                List<Step> blockSteps = Schedule.block(options, profiles, block, open);
                pending.clear();
                pending.addAll(blockSteps);
                if (design.maxBlocks() > 1) {
                    out.println("authbench: block " + (block + 1) + " of " + (design.adaptive() ? "at most " : "")
                            + design.maxBlocks() + " — " + open.size() + " cells, " + blockSteps.size()
                            + " iterations");
                }
                for (Map.Entry<String, List<Step>> group : byProfile(blockSteps).entrySet()) {
                    NetworkProfile profile = profiles.stream()
                            .filter(p -> p.name().equals(group.getKey()))
                            .findFirst()
                            .orElseThrow();
                    Outcome stopped = runProfile(new ProfileRun(
                            options,
                            profile,
                            group.getValue(),
                            block,
                            stack,
                            browser,
                            folder,
                            writer,
                            guard,
                            filmstrip,
                            progress,
                            aggregates,
                            calibrations,
                            overhead,
                            seeder,
                            stats,
                            rateLimits,
                            pending,
                            apps));
                    if (stopped != null) {
                        return stopped;
                    }
                }
                open = afterBlock(rule, block + 1, open, writer);
                CellKey filmstripCell =
                        filmstrip == null ? null : new CellKey(Flow.LOGIN.toString(), filmstrip.profile(), false);
                if (filmstripCell != null && !filmstripDone && !open.contains(filmstripCell)) {
                    finishFilmstrip(filmstrip, folder, writer);
                    filmstripDone = true;
                }
            }
            progress.finish();
            return new Outcome(RunStatus.COMPLETE, null, everyVariantMeasured(writer.current()), overhead);
        } catch (ChildDiedException e) {
            progress.finish();
            if (guard.stopping()) {
                // Our own shutdown hook stopped the children: that is the interruption, not a crash.
                return new Outcome(RunStatus.INTERRUPTED, StopSignal.reason(), false, overhead);
            }
            return abort(writer, pending, e.child(), e.getMessage(), overhead);
        } catch (UserSeeder.SeedingException e) {
            progress.finish();
            return abort(writer, pending, stack.appwriteName(), e.getMessage(), overhead);
        } finally {
            deleteTestUsers.run();
        }
    }

    /** Everything one profile's batch of a block needs (the engine's run-wide state and the batch's steps). */
    private record ProfileRun(
            HarnessOptions options,
            NetworkProfile profile,
            List<Step> profileSteps,
            int block,
            Stack stack,
            BrowserSession browser,
            RunFolder folder,
            ResultsWriter writer,
            ExitGuard guard,
            FilmstripRecorder filmstrip,
            Progress progress,
            CellAggregates aggregates,
            List<CalibratedLink> calibrations,
            List<Map<String, Double>> overhead,
            UserSeeder seeder,
            EmulatorStats stats,
            RateLimits rateLimits,
            Deque<Step> pending,
            AppSource apps) {}

    /**
     * Runs one profile's steps of one block on freshly started apps and links; returns the outcome if the run stops
     * (interrupted), null to go on.
     */
    private Outcome runProfile(ProfileRun r) {
        HarnessOptions options = r.options();
        NetworkProfile profile = r.profile();
        List<Step> profileSteps = r.profileSteps();
        Stack stack = r.stack();
        BrowserSession browser = r.browser();
        RunFolder folder = r.folder();
        ResultsWriter writer = r.writer();
        ExitGuard guard = r.guard();
        FilmstripRecorder filmstrip = r.filmstrip();
        Deque<Step> pending = r.pending();
        List<Map<String, Double>> overhead = r.overhead();
        UserSeeder seeder = r.seeder();
        try (ProfileApps profileApps = r.apps().start(profile)) {
            out.println("authbench: profile " + profile.name()
                    + (options.blocks().maxBlocks() > 1 ? " (block " + (r.block() + 1) + ")" : "") + " — "
                    + profileApps.describe());
            profileApps.prepare(new Preparation(
                    out, writer, r.calibrations(), options.quick(), jitWarmupRequests(options), r.block() == 0));
            UserPool users = seed(seeder, profileSteps, profileApps.setUpThroughLoginForm());
            FlowRunner runner = new FlowRunner(
                    browser.browser(),
                    new IterationSettings(
                            profileApps.destinations(),
                            profile.cpuSlowdown(),
                            options.iterationTimeout().toMillis(),
                            stack.projectId(),
                            r.stats(),
                            stack.appwritePid(),
                            profileApps.appwriteForBrowser(),
                            seeder::createSession,
                            profileApps.linkShaping(),
                            options.topology().sites().sessionInFallbackOnly()));
            for (Step step : profileSteps) {
                if (guard.stopping()) {
                    return new Outcome(RunStatus.INTERRUPTED, StopSignal.reason(), false, overhead);
                }
                stack.checkAlive();
                profileApps.checkAlive();
                if (!browser.isConnected()) {
                    throw new ChildDiedException("chromium", "Chromium disconnected (crashed or was killed)");
                }
                TestUser user = users.next(step.flow());
                boolean screencast = filmstrip != null
                        && filmstrip.captures(step.flow().code(), step.profile(), step.variant(), step.warmup());
                List<Screencast.Frame> frames = new ArrayList<>();
                IterationOutcome result = runner.run(
                        step.flow(), profileApps.target(step.kind()), user, screencast ? frames::addAll : null);
                if (!result.ok()) {
                    blameChildren(stack, profileApps, browser, step, result);
                    result = r.rateLimits().explain(result, user);
                }
                Sample sample = toSample(step, result);
                if (guard.stopping()) {
                    return new Outcome(RunStatus.INTERRUPTED, StopSignal.reason(), false, overhead);
                }
                writer.addSample(sample);
                pending.poll();
                if (screencast) {
                    keepFrames(filmstrip, step, result, frames);
                }
                r.aggregates().record(sample);
                overhead.add(result.overheadMs());
                r.progress().iterationDone(result.ok(), step.describe() + (result.ok() ? "" : ": " + result.failure()));
            }
            writer.flush(); // the batch's last samples, before the apps stop
            reportSetUpRetries(seeder, profile, writer, stack.appwritePid() > 0);
            r.aggregates().writeHistograms(profile.name(), folder, writer);
        }
        return null;
    }

    /** A block's steps by profile, in the block's profile order. */
    private static Map<String, List<Step>> byProfile(List<Step> steps) {
        Map<String, List<Step>> groups = new LinkedHashMap<>();
        for (Step step : steps) {
            groups.computeIfAbsent(step.profile(), name -> new ArrayList<>()).add(step);
        }
        return groups;
    }

    /**
     * After a block: the stopping rule's decision per open cell (docs/statistics.md#blocks), from the comparisons of
     * every sample so far; the cells that stop are printed with the reason.
     */
    private Set<CellKey> afterBlock(StoppingRule rule, int blocksDone, Set<CellKey> open, ResultsWriter writer) {
        CellPrecision precision = CellPrecision.of(writer.current());
        Map<CellKey, Optional<StoppingRule.Reason>> decisions = rule.decide(blocksDone, open, precision::of);
        Set<CellKey> continuing = StoppingRule.continuing(decisions);
        if (continuing.size() < open.size() && !continuing.isEmpty()) {
            decisions.forEach((cell, reason) -> reason.ifPresent(why -> {
                if (why == StoppingRule.Reason.UNTIMED) {
                    out.printf(
                            Locale.ROOT, "authbench:   %s stops after %d block(s): %s%n", cell, blocksDone, why.text());
                    return;
                }
                StoppingRule.Precision p = precision.of(cell);
                out.printf(
                        Locale.ROOT,
                        "authbench:   %s stops after %d block(s): %s (%d complete pairs, 95 %% interval ±%.3f in log"
                                + " terms)%n",
                        cell,
                        blocksDone,
                        why.text(),
                        p.completePairs(),
                        p.halfWidth());
            }));
        }
        out.flush();
        return continuing;
    }

    private static String describeBlocks(HarnessOptions options) {
        BlockDesign d = options.blocks();
        String warmups = options.warmupPairs() + " warm-up pair(s) after each restart of the stack";
        if (d.maxBlocks() == 1) {
            return options.pairs() + " pairs per cell, " + warmups;
        }
        if (!d.adaptive()) {
            return d.maxBlocks() + " blocks × " + d.pairsPerBlock() + " pairs per cell, " + warmups;
        }
        return String.format(
                Locale.ROOT,
                "%d to %d blocks × %d pairs per cell, a cell stopping after %d blocks once its ratio's 95 %% interval"
                        + " is within ±%.3f in log terms; %s",
                d.minBlocks(),
                d.maxBlocks(),
                d.pairsPerBlock(),
                d.minBlocks(),
                d.precision(),
                warmups);
    }

    /** Hands a screencast iteration's frames to the filmstrip (kept until the cell has run its last block). */
    private static void keepFrames(
            FilmstripRecorder filmstrip, Step step, IterationOutcome result, List<Screencast.Frame> frames) {
        OptionalDouble timeToContent = result.metrics().number(Metric.TIME_TO_CONTENT_MS);
        if (result.ok() && timeToContent.isPresent()) {
            filmstrip.add(
                    step.pair(),
                    step.variant(),
                    result.startedAt().toEpochMilli(),
                    timeToContent.getAsDouble(),
                    frames);
        }
    }

    /**
     * Once the filmstrip's cell has run its last block (it screencasts in every block, so every pair of the cell is
     * measured alike): writes the median pair's frames and attaches them to its two samples (times relative to the
     * user action, as the report expects).
     */
    private void finishFilmstrip(FilmstripRecorder filmstrip, RunFolder folder, ResultsWriter writer) {
        filmstrip
                .finishCell(folder.root())
                .ifPresentOrElse(
                        chosen -> {
                            writer.updateSamples(s -> !s.warmup()
                                            && s.flow().equals(Flow.LOGIN.code())
                                            && s.profile().equals(chosen.profile())
                                            && s.pair() == chosen.pair()
                                            && chosen.screenshots().containsKey(s.variant())
                                    ? s.withScreenshots(chosen.screenshots().get(s.variant()))
                                    : s);
                            out.println("authbench:   filmstrip: login pair " + chosen.pair() + " on "
                                    + chosen.profile() + " (the median pair), "
                                    + chosen.screenshots().values().stream()
                                            .mapToInt(List::size)
                                            .sum() + " frames in "
                                    + folder.root().resolve("filmstrip"));
                        },
                        () -> writer.addIncident(new Incident(
                                Instant.now(),
                                "harness",
                                "no filmstrip: no login pair on " + filmstrip.profile()
                                        + " succeeded for both variants with screencast frames")));
    }

    /** config.settings records whether a cell ran with the screencast on (it costs the browser some work). */
    private static RunConfig withFilmstripSetting(RunConfig config, FilmstripRecorder filmstrip) {
        Map<String, String> settings = new LinkedHashMap<>(config.settings());
        settings.put(
                "filmstrip",
                filmstrip == null
                        ? "off (no measured login pairs, or --filmstrip=off)"
                        : filmstrip.settingDescription());
        return new RunConfig(
                config.flows(),
                config.profiles(),
                config.pairs(),
                config.warmupPairs(),
                config.aaFlow(),
                config.timeoutsMs(),
                settings,
                config.skippedFlows(),
                config.variants(),
                config.apps(),
                config.blocks());
    }

    /**
     * The development-complexity proxy ({@code codeSize}): non-blank, non-comment lines of each variant's auth path
     * ({@link io.authbench.harness.codesize.AuthPathFiles}). Without the sources nothing is recorded, and the report
     * says code size was not recorded.
     */
    private void recordCodeSize(HarnessOptions options, ResultsWriter writer) {
        if (options.targets() != null) {
            out.println(
                    "authbench: code size not measured: it compares the bundled apps' sources, and this run measures"
                            + " target apps");
            return;
        }
        if (options.sourceRoot() == null) {
            out.println(
                    "authbench: code size not measured: the apps' sources (ssr-app/, csr-app/) are not in the current"
                            + " directory; pass --source-root=<repository root> to record it");
            return;
        }
        try {
            List<CodeSize> sizes = CodeSizeProbe.measure(options.sourceRoot());
            writer.setCodeSize(sizes);
            out.println("authbench: code size of the auth path (lines of code): "
                    + sizes.stream()
                            .map(c -> c.variant() + " " + c.linesOfCode() + " in "
                                    + c.files().size() + " files")
                            .collect(Collectors.joining(", ")));
        } catch (UncheckedIOException e) {
            out.println("authbench: code size not measured: " + e.getMessage());
            writer.addIncident(new Incident(Instant.now(), "harness", "code size not measured: " + e.getMessage()));
        }
    }

    private static int jitWarmupRequests(HarnessOptions options) {
        return options.quick() ? Defaults.QUICK_JIT_WARMUP_REQUESTS : Defaults.JIT_WARMUP_REQUESTS;
    }

    private UserPool seed(UserSeeder seeder, List<Step> profileSteps, boolean setUpPasswords) {
        int[] needed = UserPool.needed(profileSteps);
        long start = System.nanoTime();
        // Measured logins need a password (Appwrite hashes it: the costly part); set-up users get sessions without one,
        // unless set-up signs in through a target's login form.
        List<TestUser> withPassword = seeder.create(needed[0], true);
        List<TestUser> setUp = seeder.create(needed[1], setUpPasswords);
        out.printf(
                Locale.ROOT,
                "authbench:   seeded %d users through the Users API in %.1f s%n",
                withPassword.size() + setUp.size(),
                (System.nanoTime() - start) / 1e9);
        out.flush();
        return UserPool.of(withPassword, setUp);
    }

    /**
     * A Users API call to the emulator got no answer while the emulator kept answering others: keep its thread dump
     * from that moment in the run's logs. (The ones seen until December 2026, about one in 200–400 set-up calls, had
     * been answered; the seeder dropped answers that came before the SDK call suspended; SdkCalls keeps them.)
     */
    private void saveThreadDump(Stack stack, RunFolder folder, String what) {
        long now = Instant.now().toEpochMilli();
        Path file = folder.logs().resolve("appwrite-emulator.threads-" + now + ".txt");
        // Ours too: a dump taken in a quiet run showed the emulator idle (no thread on the request), so the
        // harness's side (the SDK's coroutine, OkHttp's pool and sockets) is where to look next.
        ThreadDump.write(ProcessHandle.current().pid(), folder.logs().resolve("harness.threads-" + now + ".txt"));
        ThreadDump.write(stack.appwritePid(), file)
                .ifPresentOrElse(
                        dump -> out.println(
                                "authbench:   " + what + " got no answer in time; thread dumps of the emulator and"
                                        + " the harness are in " + dump.getParent() + " (*.threads-" + now + ".txt)"),
                        () -> out.println(
                                "authbench:   " + what + " got no answer in time (no thread dump: jcmd unavailable)"));
    }

    /** Set-up calls that had to be repeated are worth knowing about (they cost time, never a measurement). */
    private void reportSetUpRetries(UserSeeder seeder, NetworkProfile profile, ResultsWriter writer, boolean dumps) {
        int retries = seeder.setUpRetries();
        if (retries > reportedSetUpRetries) {
            String message = (retries - reportedSetUpRetries)
                    + " set-up request(s) to the Users API (create user, create"
                    + " session) got no answer in time during " + profile.name() + " and were repeated (set-up only: no"
                    + " measurement was affected)"
                    + (dumps
                            ? "; thread dumps of the emulator and the harness from"
                                    + " those moments are in logs/*.threads-*.txt"
                            : "");
            out.println("authbench:   " + message);
            writer.addIncident(new Incident(Instant.now(), "appwrite-emulator", message));
            reportedSetUpRetries = retries;
        }
    }

    /**
     * After a failed iteration: if a child died or stopped answering, that is the reason, and the run cannot go on.
     */
    private void blameChildren(
            Stack stack, ProfileApps apps, BrowserSession browser, Step step, IterationOutcome result) {
        stack.checkAlive();
        if (!browser.isConnected()) {
            throw new ChildDiedException(
                    "chromium", "Chromium disconnected during " + step.describe() + ": " + result.failure());
        }
        apps.blame(step.kind(), result.failure(), step.describe());
    }

    private Outcome abort(
            ResultsWriter writer,
            Deque<Step> pending,
            String child,
            String message,
            List<Map<String, Double>> overhead) {
        err.println("authbench: " + child + " failed; the run stops here and keeps what was measured.");
        err.println(message);
        err.flush();
        writer.addIncident(new Incident(Instant.now(), child, message));
        String reason = "not run: " + child + " died or stopped answering earlier in the run";
        Step first = pending.peek();
        for (Step step : pending) {
            String why = step == first ? child + " died or stopped answering during this iteration" : reason;
            Sample failed = Sample.failed(
                    step.flow().code(),
                    step.variant(),
                    step.profile(),
                    step.pair(),
                    step.order(),
                    Instant.now(),
                    why,
                    null);
            failed = failed.withBlock(step.block());
            writer.addSample(step.warmup() ? failed.asWarmup() : failed);
        }
        return new Outcome(
                RunStatus.FAILED, child + " died or stopped answering: " + firstLine(message), false, overhead);
    }

    private static Sample toSample(Step step, IterationOutcome result) {
        Sample sample = result.ok()
                ? Sample.ok(
                        step.flow().code(),
                        step.variant(),
                        step.profile(),
                        step.pair(),
                        step.order(),
                        result.startedAt(),
                        result.metrics(),
                        result.requests())
                : Sample.failed(
                        step.flow().code(),
                        step.variant(),
                        step.profile(),
                        step.pair(),
                        step.order(),
                        result.startedAt(),
                        result.failure(),
                        result.metrics());
        // The method goes with a measured time to content only (a failed sample may have stopped before the probe).
        if (result.metrics().has(Metric.TIME_TO_CONTENT_MS)) {
            sample = sample.withTimeToContentMethod(result.timeToContentMethod());
        }
        sample = sample.withChecks(result.checks())
                .withCsrSessionPath(result.csrSessionPath())
                .withBlock(step.block());
        return step.warmup() ? sample.asWarmup() : sample;
    }

    /** Moves this JVM (and so the browser it launches) to the measuring CPUs; says so when it does. */
    private CpuSets.Pinned pin(HarnessOptions options) {
        CpuSets sets = options.topology().cpuSets();
        if (sets.on()) {
            out.println("authbench: CPU sets: " + sets.describe());
            out.flush();
        }
        return sets.pinThisProcess();
    }

    private static boolean everyVariantMeasured(RunResults results) {
        return !results.cells().isEmpty() && results.cells().stream().allMatch(c -> c.okSamples() > 0);
    }

    private void printSummary(RunResults results, Outcome outcome, RunFolder folder) {
        out.println();
        out.println("authbench: time to content, median ms (ok samples / measured):");
        // As wide as the longest variant name (next-ssr, ssr-a, a target's label), so the columns line up.
        int variantWidth = Math.max(
                6,
                results.cells().stream()
                        .mapToInt(c -> c.variant().length())
                        .max()
                        .orElse(0));
        String line = "  %-13s %-12s %-" + variantWidth + "s %8s  (%d/%d)%n";
        for (CellSummary cell : results.cells()) {
            out.printf(
                    Locale.ROOT,
                    line,
                    cell.flow(),
                    cell.profile(),
                    cell.variant(),
                    cell.medianMs() == null ? "-" : String.format(Locale.ROOT, "%.1f", cell.medianMs()),
                    cell.okSamples(),
                    cell.samples());
        }
        String overhead = OverheadSummary.describe(outcome.overheadMs);
        if (!overhead.isEmpty()) {
            out.println("authbench: harness overhead per iteration: " + overhead);
        }
        long failed = results.samples().stream().filter(s -> !s.ok()).count();
        out.println("authbench: " + results.samples().size() + " samples, " + failed + " failed; status "
                + outcome.status.code() + (outcome.reason == null ? "" : " (" + outcome.reason + ")"));
        if (!outcome.everyVariantMeasured && outcome.status == RunStatus.COMPLETE) {
            out.println(
                    "authbench: some cell variant has no successful sample; see each sample's 'failure' in results.json");
        }
        out.println("authbench: results in " + folder.results());
        out.flush();
    }

    /** The environment as recorded: the SDKs listed are those of the bundled apps this run measured (none for targets). */
    static Environment environment(HarnessOptions options, String chromiumVersion, String backendLabel) {
        return EnvironmentProbe.describe(
                chromiumVersion,
                backendLabel,
                options.targets() == null || options.targets().ssr() == null,
                options.targets() == null || options.targets().csr() == null);
    }

    static RunConfig runConfig(HarnessOptions options, Path browserPath, BrowserTarget browserTarget) {
        Map<String, Long> timeouts = new LinkedHashMap<>();
        timeouts.put("iteration", options.iterationTimeout().toMillis());
        timeouts.put("serverStart", options.serverStartTimeout().toMillis());
        timeouts.put("sdkCall", options.sdkCallTimeout().toMillis());
        Map<String, String> settings = new LinkedHashMap<>();
        // A grid's node chooses its binary; a Playwright server does when no --browser was given.
        settings.put(
                "browser",
                browserPath == null || browserTarget instanceof BrowserTarget.SeleniumGrid
                        ? "(chosen by the remote browser's host)"
                        : browserPath.toString());
        settings.putAll(browserTarget.settings());
        settings.put("linkHost", options.topology().links().bindAddress().getHostAddress());
        settings.put("publicHost", options.topology().links().publicHost());
        settings.putAll(transportSettings(options.topology()));
        settings.put("cpuSets", options.topology().cpuSets().describe());
        // Older runs warmed every cell; the report says which rule a run's warm-up pairs followed.
        settings.put("warmup", "first cell after each restart of the stack");
        settings.put(
                "csrSessionPath",
                options.topology().csrCookiePath()
                        ? "cookie (host " + Topology.CSR_COOKIE_HOST + " mapped to the links in Chromium)"
                        : "fallback unless Appwrite verifies the public host's domain");
        settings.put("projectId", BackendSetup.projectId(options));
        if (options.appwrite() == null) {
            // Recorded because it shapes the numbers: see Stack.start.
            settings.put(
                    "appwriteFlags",
                    "--rate-limits off (every request comes from 127.0.0.1: Appwrite's per-IP"
                            + " limits would fail runs with more than 100 logouts); password hashing: Appwrite's argon2id");
        }
        settings.put("jitWarmupRequests", Integer.toString(jitWarmupRequests(options)));
        settings.put(
                "calibrationPings",
                Integer.toString(options.quick() ? Defaults.QUICK_CALIBRATION_PINGS : Defaults.CALIBRATION_PINGS));
        settings.put(
                "calibrationTransferMs",
                Long.toString((options.quick()
                                ? Defaults.QUICK_CALIBRATION_TRANSFER_TIME
                                : Defaults.CALIBRATION_TRANSFER_TIME)
                        .toMillis()));
        settings.putAll(ServerPhase.configSettings(options));
        settings.putAll(BackendSetup.configSettings(options));
        if (options.profilesFile() != null) {
            settings.put("profilesFile", options.profilesFile().toString());
        }
        if (options.targets() != null) {
            if (!options.targets().launched()) { // no links: nothing was calibrated
                settings.remove("calibrationPings");
                settings.remove("calibrationTransferMs");
            }
            settings.put(
                    "jitWarmupRequests",
                    jitWarmupRequests(options) + " (GETs of each app's login and dashboard routes)");
            settings.putAll(options.targets().configSettings());
        }
        return new RunConfig(
                        options.flowCodes(),
                        options.profileNames(),
                        options.pairs(),
                        options.warmupPairs(),
                        options.aaFlowCode(),
                        timeouts,
                        settings,
                        Schedule.skippedFlows(options))
                .withVariants(
                        options.pairedVariants().stream().map(Variant::label).toList(),
                        VariantApps.describe(options, Schedule.nextjsSkippedFlows(options)))
                .withBlocks(options.blocks());
    }

    /**
     * {@code transport}, {@code sites}, {@code appHost}, {@code appwriteHost} and, over https, {@code tls}: how the
     * browser reached the parties (docs/results-schema.md).
     */
    static Map<String, String> transportSettings(Topology topology) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("transport", topology.transport().code());
        settings.put("sites", topology.sites().code());
        settings.put("appHost", topology.links().publicHost());
        settings.put("appwriteHost", topology.links().appwriteHost());
        if (topology.transport().tls()) {
            settings.put(
                    "tls",
                    "a per-run certificate authority (ECDSA P-256, in tls/ of the run folder; the servers' keys"
                            + " deleted at the end); TLS ends in the emulator, ssr-app and csr-app behind their links"
                            + " (HTTP/2 offered through ALPN); Chromium trusts that authority only; ssr-app verifies"
                            + " Appwrite against it (--appwrite-ca)");
        }
        if (topology.sites().named()) {
            settings.put(
                    "hostResolution",
                    "Chromium --host-resolver-rules: " + topology.sites().appHost() + " and "
                            + topology.sites().appwriteHost() + " mapped to the links' address");
        }
        return settings;
    }

    static ProfileInfo profileInfo(NetworkProfile p) {
        return new ProfileInfo(
                p.name(),
                p.description(),
                settings(p.browserApp()),
                settings(p.browserAppwrite()),
                settings(p.appAppwrite()),
                p.cpuSlowdown());
    }

    static LinkSettings settings(LinkSpec spec) {
        return LinkCalibrations.settings(spec);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
