package io.authbench.harness.cli;

import io.authbench.harness.apptarget.TargetFileException;
import io.authbench.harness.apptarget.Targets;
import io.authbench.harness.backend.BackendOptions;
import io.authbench.harness.backend.ExternalAppwrite;
import io.authbench.harness.codesize.SourceRoot;
import io.authbench.harness.flow.Flow;
import io.authbench.harness.link.LinkHosts;
import io.authbench.harness.nextjs.NextjsApps;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.harness.profile.ProfileFileException;
import io.authbench.harness.profile.Profiles;
import io.authbench.harness.transport.Sites;
import io.authbench.harness.transport.Transport;
import io.authbench.reports.results.BlockDesign;
import io.authbench.support.browser.RemoteEndpoints;
import io.authbench.support.process.CpuSets;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code authbench run}: the benchmark. Options arrive as text because Maven passes an unset {@code -Dbench.*}
 * property as an empty string, which here means "the default"; {@link #toOptions()} turns them into
 * {@link HarnessOptions} or a {@link UsageException} naming the bad value.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run every flow for SSR and CSR under every network profile as paired iterations and write "
                + "results.json into the output folder.")
public final class RunCommand implements Callable<Integer> {

    /** What {@link #call()} hands the options to; the engine in production, a recorder in CLI tests. */
    public interface Runner {
        int run(HarnessOptions options) throws Exception;
    }

    private final Runner runner;

    @Option(
            names = "--quick",
            arity = "0..1",
            fallbackValue = "true",
            description = "Reduced run: profiles " + Defaults.QUICK_PROFILES + ", " + Defaults.QUICK_PAIRS
                    + " pairs per cell and " + Defaults.QUICK_WARMUP_PAIRS + " warm-up pairs. Default: false.")
    String quick = "";

    @Option(
            names = "--profiles",
            paramLabel = "LIST",
            description = "Comma-separated profile names. Default: " + Defaults.PROFILES + " (quick: "
                    + Defaults.QUICK_PROFILES + ").")
    String profiles = "";

    @Option(
            names = "--profiles-file",
            paramLabel = "FILE",
            description = "A JSON profiles file that adds to (or overrides) the bundled profiles. Default: none.")
    String profilesFile = "";

    @Option(
            names = "--flows",
            paramLabel = "LIST",
            split = ",",
            converter = FlowConverter.class,
            description = "Comma-separated flows. Default: " + Defaults.FLOWS + ".")
    List<Flow> flows = new ArrayList<>();

    @Option(
            names = "--pairs",
            paramLabel = "N",
            description = "Measured SSR/CSR pairs per cell, in one block (no adaptive sample size). Default: blocks"
                    + " (see --pairs-per-block; quick: " + Defaults.QUICK_PAIRS + " pairs in one block).")
    String pairs = "";

    @Mixin
    BlockOptions blockOptions = new BlockOptions();

    @Option(
            names = "--warmup-pairs",
            paramLabel = "N",
            description = "Discarded pairs run after each restart of the stack (before the first cell of every profile"
                    + " in every block). Default: " + Defaults.WARMUP_PAIRS + " (quick: " + Defaults.QUICK_WARMUP_PAIRS
                    + ").")
    String warmupPairs = "";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the pair order. Default: " + Defaults.SEED + ".")
    String seed = "";

    @Option(
            names = "--aa-flow",
            paramLabel = "FLOW",
            converter = FlowConverter.AaFlow.class,
            description = "Flow of the A/A cell (SSR against SSR), or 'none'. Default: " + Defaults.AA_FLOW + ".")
    FlowConverter.AaChoice aaFlow;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder. Default: " + Defaults.OUT + ".")
    String out = "";

    @Option(
            names = "--browser",
            paramLabel = "PATH",
            description =
                    "Chromium executable. Default: discovered (/usr/lib/chromium/chromium, /usr/bin/chromium, ...).")
    String browser = "";

    @Option(
            names = "--browser-ws",
            paramLabel = "URL",
            description = "Use Chromium from this Playwright server (same Playwright version, "
                    + Defaults.PLAYWRIGHT_SERVER_HINT
                    + ") instead of launching one; --browser then names the binary on the server's machine (honoured by"
                    + " 'run-server --unsafe'). Default: none.")
    String browserWs = "";

    @Option(
            names = "--selenium-grid",
            paramLabel = "URL",
            description = "Launch Chromium on this Selenium Grid 4 hub through Playwright's experimental Selenium Grid"
                    + " support (Chromium only), e.g. http://127.0.0.1:4444. Default: none.")
    String seleniumGrid = "";

    @Option(
            names = "--link-host",
            paramLabel = "ADDRESS",
            description = "Address the browser-facing links listen on; 0.0.0.0 or a LAN address lets a browser on"
                    + " another machine reach them. Default: " + Defaults.LINK_HOST + " (loopback).")
    String linkHost = "";

    @Option(
            names = "--public-host",
            paramLabel = "NAME",
            description = "Host name (or IPv4 address) the browser's URLs use for the apps and Appwrite; it must lead"
                    + " the browser's machine to this one. Default: " + Defaults.PUBLIC_HOST + ".")
    String publicHost = "";

    @Option(
            names = "--csr-session-path",
            paramLabel = "fallback|cookie",
            description = "Which way CSR's Appwrite session reaches the browser. fallback: browser URLs on the public"
                    + " host (localhost), where Appwrite cannot verify the app's domain and sends X-Fallback-Cookies,"
                    + " which the Web SDK keeps in localStorage; cookie: browser URLs on " + Topology.CSR_COOKIE_HOST
                    + " (Chromium maps it to the links' address), where the check passes and the session stays in"
                    + " the HttpOnly cookie. Default: fallback.")
    String csrSessionPath = "";

    @Option(
            names = "--transport",
            paramLabel = "http|https",
            description =
                    "How the browser reaches the apps and Appwrite. http: plain HTTP/1.1; https: the run makes its"
                            + " own certificate authority in <out>/tls, each server serves TLS with HTTP/2 through ALPN behind"
                            + " its link (handshakes pay the link's round trips), Chromium trusts exactly that authority, and"
                            + " the servers' private keys are deleted when the run ends. Not with --nextjs, --target,"
                            + " --appwrite-endpoint or a remote browser. Default: http.")
    String transport = "";

    @Option(
            names = "--sites",
            paramLabel = "localhost|same|cross",
            description = "Host names of the apps and Appwrite in browser URLs, mapped to the links by Chromium's own"
                    + " --host-resolver-rules. localhost: one name for all (--public-host); same: app.example.com and"
                    + " api.example.com (one site: Appwrite verifies the domain, CSR keeps the session in its cookie);"
                    + " cross: app.example.com and appwrite.example.net (Appwrite sends X-Fallback-Cookies, as Appwrite"
                    + " Cloud without a custom domain; needs --transport=https). Default: localhost.")
    String sites = "";

    @Option(
            names = "--cpu-sets",
            paramLabel = "off|auto|MEASURING/SERVERS",
            description = "Pins the measuring side (the harness with its links, and Chromium) and the servers (apps,"
                    + " Appwrite) to disjoint CPUs, as a user's browser never shares a CPU with the servers (Linux,"
                    + " taskset). auto: the CPUs this process may use split in halves; or lists such as 0/1 or"
                    + " 0-1/2-3. Not with a remote browser; the server phase is not pinned. Default: "
                    + Defaults.CPU_SETS + ".")
    String cpuSets = "";

    @Option(
            names = "--emulator-jar",
            paramLabel = "JAR",
            description = "appwrite-emulator's shaded jar. Default: appwrite-emulator/target/appwrite-emulator.jar.")
    String emulatorJar = "";

    @Option(
            names = "--ssr-jar",
            paramLabel = "JAR",
            description = "ssr-app's shaded jar. Default: ssr-app/target/ssr-app.jar.")
    String ssrJar = "";

    @Option(
            names = "--csr-jar",
            paramLabel = "JAR",
            description = "csr-app's shaded jar. Default: csr-app/target/csr-app.jar.")
    String csrJar = "";

    @Option(
            names = "--source-root",
            paramLabel = "DIR",
            description =
                    "Repository root with the apps' sources (ssr-app/, csr-app/), for the code-size proxy of each"
                            + " auth path. Default: the current directory if it holds them; otherwise code size is not measured.")
    String sourceRoot = "";

    @Option(
            names = "--iteration-timeout",
            paramLabel = "SECONDS",
            description = "Upper bound of one iteration; slower ones are recorded as failures. Default: "
                    + Defaults.ITERATION_TIMEOUT_SECONDS + ".")
    String iterationTimeout = "";

    @Option(
            names = "--server-start-timeout",
            paramLabel = "SECONDS",
            description = "Upper bound for a child server to become ready. Default: "
                    + Defaults.SERVER_START_TIMEOUT_SECONDS + ".")
    String serverStartTimeout = "";

    @Option(
            names = "--server-phase",
            paramLabel = "on|off",
            description = "After the browser phase, measure what each pattern costs the servers (server-bench: JMH with"
                    + " server CPU per operation, then a constant-rate load ladder of SSR and CSR page views). Default: "
                    + Defaults.SERVER_PHASE + ".")
    String serverPhase = "";

    @Option(
            names = "--server-settings",
            paramLabel = "quick|standard|full",
            description = "Server phase settings. quick: JMH sample time at 1 thread and a short load ladder (about a"
                    + " minute); standard: also throughput and the contended thread count, a longer ladder (about 3.5"
                    + " minutes); full: JMH's own defaults (5 forks, 5 × 10 s warm-up and measurement; long). Default: "
                    + Defaults.SERVER_SETTINGS + " (quick mode too).")
    String serverSettings = "";

    @Option(
            names = "--jmh-full",
            arity = "0..1",
            fallbackValue = "true",
            description = "The same as --server-settings=full, and wins over it. Default: false.")
    String jmhFull = "";

    @Option(
            names = "--filmstrip",
            paramLabel = "on|off",
            description = "Screencast the median login pair on the slowest profile for the report's filmstrip; off runs"
                    + " without any screencast (to measure what it costs the measured times). Default: on.")
    String filmstrip = "";

    @Option(
            names = "--appwrite-endpoint",
            paramLabel = "URL",
            description =
                    "An external Appwrite's API base (Cloud or self-hosted, e.g. https://cloud.appwrite.io/v1) instead"
                            + " of the bundled emulator; checked before anything is measured. Default: none (the emulator).")
    String appwriteEndpoint = "";

    @Option(
            names = "--appwrite-project",
            paramLabel = "ID",
            description = "With --appwrite-endpoint: the project ID (Appwrite console, Settings). Default: none.")
    String appwriteProject = "";

    @Option(
            names = "--appwrite-key-file",
            paramLabel = "FILE",
            description =
                    "With --appwrite-endpoint: a file whose first line is an API key with the scopes users.write and"
                            + " sessions.write; else the environment variable " + BackendOptions.KEY_ENV
                            + ". Default: none.")
    String appwriteKeyFile = "";

    @Option(
            names = "--target",
            paramLabel = "FILE",
            description =
                    "A target file (JSON) describing an app under test (docs/running-at-scale.md). With \"start\" the"
                            + " harness launches it per profile behind the profile's links (one file: the other pattern is the"
                            + " bundled app). Without, the app runs on its own: give one SSR and one CSR file and"
                            + " --appwrite-endpoint; no app is started and no link shaped (profile loopback). Repeat the option,"
                            + " or FILE,FILE. Default: none (the bundled apps).")
    List<String> targetFiles = new ArrayList<>();

    @Option(
            names = "--target-base-url",
            paramLabel = "NAME=URL",
            description =
                    "Replaces the baseUrl of the target named NAME (repeatable, or NAME=URL,NAME=URL). Default: none.")
    List<String> targetBaseUrls = new ArrayList<>();

    @Option(
            names = "--nextjs",
            arity = "0..1",
            fallbackValue = "true",
            description = "Also measure the Next.js apps of the nextjs module (next-ssr, next-csr) in every cell, pair"
                    + " by pair next to the bundled apps, behind their own links; they must be built first (mvn"
                    + " -Dbench.nextjs=true ..., or node nextjs/build-apps.mjs) and need Node.js >= "
                    + NextjsApps.MIN_NODE
                    + ". Not with --target."
                    + " Default: false.")
    String nextjs = "";

    @Option(
            names = "--nextjs-dir",
            paramLabel = "DIR",
            description = "With --nextjs: the nextjs module's folder (holding ssr/ and csr/ with their target.json)."
                    + " Default: nextjs/ of the repository the harness runs from.")
    String nextjsDir = "";

    /** The Node.js executable --nextjs checks (the target files run {@code node}); tests replace it. */
    String node = "node";

    /** The environment the API key may come from; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    public RunCommand(Runner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws Exception {
        return runner.run(toOptions());
    }

    @Spec
    CommandSpec spec;

    /** What was typed for an option before picocli split and converted it; empty when not given or not parsed. */
    private List<String> rawValues(String option) {
        if (spec == null || spec.commandLine() == null || spec.commandLine().getParseResult() == null) {
            return List.of();
        }
        OptionSpec matched = spec.commandLine().getParseResult().matchedOption(option);
        return matched == null ? List.of() : matched.originalStringValues();
    }

    /** Applies defaults and validates every value. */
    HarnessOptions toOptions() throws UsageException {
        boolean isQuick = parseBoolean("--quick", quick);
        List<Flow> flowList = flows(flows, rawValues("--flows"));
        List<String> targetList = items(targetFiles);
        List<String> baseUrlOverrides = items(targetBaseUrls);
        boolean targetMode = !targetList.isEmpty();
        if (!targetMode && !baseUrlOverrides.isEmpty()) {
            throw new UsageException(
                    "--target-base-url: it overrides a target file's baseUrl; give the target files with"
                            + " --target too.");
        }
        boolean withNextjs = parseBoolean("--nextjs", nextjs);
        if (withNextjs && targetMode) {
            throw new UsageException("--nextjs and --target both choose the apps under test: --nextjs adds the Next.js"
                    + " pair to the bundled apps, --target replaces the bundled apps with yours; give one of them (to"
                    + " measure a Next.js app against a bundled one, give --target=nextjs/ssr/target.json alone).");
        }
        if (!withNextjs && !blank(nextjsDir)) {
            throw new UsageException("--nextjs-dir: it says where the Next.js apps are for --nextjs; add --nextjs, or"
                    + " leave it out.");
        }
        Targets targets = null;
        if (targetMode) {
            try {
                targets = Targets.resolve(targetList.stream().map(Path::of).toList(), baseUrlOverrides);
            } catch (TargetFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        boolean externalTargets = targets != null && !targets.launched();
        // Targets that run on their own cannot get shaped links (the harness starts neither them nor Appwrite): their
        // default profile is loopback. Launched targets run behind links like the bundled apps.
        List<String> profileList = list(
                profiles, externalTargets ? Targets.LOOPBACK : isQuick ? Defaults.QUICK_PROFILES : Defaults.PROFILES);
        Path extraProfiles = blank(profilesFile) ? null : existingFile("--profiles-file", profilesFile);
        List<NetworkProfile> chosenProfiles;
        try {
            Profiles known = extraProfiles == null ? Profiles.bundled() : Profiles.withUserFile(extraProfiles);
            chosenProfiles = known.get(profileList);
        } catch (ProfileFileException e) {
            throw new UsageException("--profiles-file: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--profiles: " + e.getMessage());
        }
        BlockDesign blocks = blockOptions.resolve(isQuick, pairs);
        int warmups = parseInt(
                "--warmup-pairs", warmupPairs, isQuick ? Defaults.QUICK_WARMUP_PAIRS : Defaults.WARMUP_PAIRS, 0);
        long seedValue = parseLong("--seed", seed, Defaults.SEED);
        Flow aa = aaFlow == null ? new FlowConverter().convert(Defaults.AA_FLOW) : aaFlow.flow();
        Path outDir = Path.of(blank(out) ? Defaults.OUT : out.trim());
        Topology topology = topology().withCpuSets(cpuSets());
        checkTransport(topology, withNextjs, targetMode, externalTargets, !blank(appwriteEndpoint));
        // With a Playwright server, --browser is a path on the server's machine: it cannot be checked here.
        Path browserPath = blank(browser)
                ? null
                : topology.browserWs() != null ? Path.of(browser.trim()) : existingFile("--browser", browser);
        ExternalAppwrite appwrite;
        try {
            appwrite = BackendOptions.resolve(appwriteEndpoint, appwriteProject, appwriteKeyFile, environment);
        } catch (BackendOptions.BadOption e) {
            throw new UsageException(e.getMessage());
        }
        if (externalTargets) {
            if (appwrite == null) {
                throw new UsageException(
                        "--target: these target apps run on their own (no \"start\" in their files) and"
                                + " sign in with an Appwrite of their own, which the harness needs too (to create the test users and"
                                + " their sessions): give it with --appwrite-endpoint, --appwrite-project and --appwrite-key-file"
                                + " (docs/real-appwrite.md); or add \"start\" to the files, and the harness launches the apps"
                                + " against its emulator (docs/running-at-scale.md).");
            }
            try {
                for (NetworkProfile profile : chosenProfiles) {
                    Targets.checkProfile(profile);
                }
            } catch (TargetFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        // An external Appwrite needs no emulator (the server phase, which would start one, is skipped then); a target
        // app is started from its file (or by its owner), not from these jars: only a bundled side needs its jar.
        Path emulator = appwrite != null && blank(emulatorJar)
                ? Defaults.emulatorJar()
                : jar("--emulator-jar", emulatorJar, Defaults.emulatorJar(), "appwrite-emulator");
        Path ssr = targets != null && targets.ssr() != null
                ? Path.of(blank(ssrJar) ? Defaults.ssrJar().toString() : ssrJar.trim())
                : jar("--ssr-jar", ssrJar, Defaults.ssrJar(), "ssr-app");
        Path csr = targets != null && targets.csr() != null
                ? Path.of(blank(csrJar) ? Defaults.csrJar().toString() : csrJar.trim())
                : jar("--csr-jar", csrJar, Defaults.csrJar(), "csr-app");
        Duration iteration = Duration.ofSeconds(
                parseInt("--iteration-timeout", iterationTimeout, Defaults.ITERATION_TIMEOUT_SECONDS, 1));
        Duration serverStart = Duration.ofSeconds(
                parseInt("--server-start-timeout", serverStartTimeout, Defaults.SERVER_START_TIMEOUT_SECONDS, 1));
        boolean runServerPhase = parseOnOff("--server-phase", serverPhase, Defaults.SERVER_PHASE.equals("on"));
        ServerPhaseSettings phaseSettings = serverPhaseSettings();
        boolean withFilmstrip = parseOnOff("--filmstrip", filmstrip, true);
        Path sources = sourceRoot(sourceRoot);
        NextjsApps nextjsApps = null;
        if (withNextjs) {
            try {
                nextjsApps = NextjsApps.locate(
                        blank(nextjsDir) ? Defaults.nextjsDirectory() : Path.of(nextjsDir.trim()), node);
            } catch (NextjsApps.NotReady e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new HarnessOptions(
                isQuick,
                flowList,
                chosenProfiles,
                extraProfiles,
                blocks.maxPairs(),
                warmups,
                blocks,
                seedValue,
                aa,
                outDir,
                browserPath,
                emulator,
                ssr,
                csr,
                iteration,
                serverStart,
                Defaults.SDK_CALL_TIMEOUT,
                runServerPhase,
                phaseSettings,
                sources,
                appwrite,
                topology,
                targets,
                withFilmstrip,
                nextjsApps);
    }

    /** Values of a repeatable option, each possibly a comma-separated list (Maven passes one, maybe empty). */
    private static List<String> items(List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** {@code --cpu-sets}, checked against the CPUs this process may use; only with the browser launched here. */
    private CpuSets cpuSets() throws UsageException {
        CpuSets sets;
        try {
            sets = CpuSets.parse(blank(cpuSets) ? Defaults.CPU_SETS : cpuSets.trim(), CpuSets.allowedCpus());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (sets.on() && (!blank(browserWs) || !blank(seleniumGrid))) {
            throw new UsageException("--cpu-sets with a remote browser: the browser runs on another machine, so there"
                    + " is nothing to separate here; leave out --cpu-sets.");
        }
        return sets;
    }

    private Topology topology() throws UsageException {
        URI ws = null;
        URI grid = null;
        try {
            ws = blank(browserWs) ? null : RemoteEndpoints.playwrightServer(browserWs);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--browser-ws: " + e.getMessage());
        }
        try {
            grid = blank(seleniumGrid) ? null : RemoteEndpoints.seleniumGrid(seleniumGrid);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--selenium-grid: " + e.getMessage());
        }
        if (ws != null && grid != null) {
            throw new UsageException("--browser-ws and --selenium-grid both name a browser; give one of them.");
        }
        InetAddress bind;
        try {
            bind = LinkHosts.parseBindAddress(blank(linkHost) ? Defaults.LINK_HOST : linkHost);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--link-host: " + e.getMessage());
        }
        boolean cookiePath = csrCookiePath();
        if (cookiePath && !blank(publicHost)) {
            throw new UsageException(
                    "--csr-session-path=cookie sets the public host itself (" + Topology.CSR_COOKIE_HOST
                            + "); leave out --public-host, or give a --public-host under your own domain with the default path.");
        }
        if (cookiePath && bind.isAnyLocalAddress() && (ws != null || grid != null)) {
            throw new UsageException("--csr-session-path=cookie with a remote browser needs --link-host set to this"
                    + " machine's LAN address (the browser is told to find " + Topology.CSR_COOKIE_HOST
                    + " there), not "
                    + bind.getHostAddress() + ".");
        }
        String host;
        try {
            host = cookiePath
                    ? Topology.CSR_COOKIE_HOST
                    : LinkHosts.parsePublicHost(blank(publicHost) ? Defaults.PUBLIC_HOST : publicHost);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--public-host: " + e.getMessage());
        }
        Transport chosenTransport;
        try {
            chosenTransport = Transport.parse(transport);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--transport: " + e.getMessage());
        }
        Sites chosenSites;
        try {
            chosenSites = Sites.parse(sites);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sites: " + e.getMessage());
        }
        if (ws != null || grid != null) {
            String remote = ws != null ? "--browser-ws" : "--selenium-grid";
            if (chosenTransport.tls()) {
                throw new UsageException("--transport=https with " + remote + ": the browser trusts the run's"
                        + " authority through an NSS database made on this machine, which a remote browser cannot use;"
                        + " leave out " + remote + " (Chromium launched here) or use --transport=http.");
            }
            if (chosenSites.named()) {
                throw new UsageException("--sites=" + chosenSites.code() + " with " + remote + ": the host names are"
                        + " mapped to this machine's links by the launched Chromium's own resolver rules; leave out "
                        + remote + ", or give a remote browser --public-host with --sites=localhost.");
            }
        }
        if (chosenSites.named()) {
            if (cookiePath) {
                throw new UsageException(
                        "--sites=" + chosenSites.code() + " with --csr-session-path=cookie: both choose"
                                + " the browser's host names; --sites=same is the cookie path with the app and Appwrite on"
                                + " names of their own. Give one of them.");
            }
            if (!blank(publicHost)) {
                throw new UsageException("--sites=" + chosenSites.code() + " with --public-host: the sites set the host"
                        + " names themselves (" + chosenSites.appHost() + ", " + chosenSites.appwriteHost()
                        + "); leave out --public-host, or use --sites=localhost.");
            }
            return new Topology(
                    ws,
                    grid,
                    new LinkHosts(bind, chosenSites.appHost(), chosenSites.appwriteHost()),
                    false,
                    chosenTransport,
                    chosenSites);
        }
        return new Topology(ws, grid, new LinkHosts(bind, host), cookiePath, chosenTransport, chosenSites);
    }

    /**
     * What {@code --transport} and {@code --sites} cannot be combined with yet: each is one message naming the
     * problem and the fix.
     */
    private static void checkTransport(
            Topology topology,
            boolean withNextjs,
            boolean targetMode,
            boolean externalTargets,
            boolean externalAppwrite)
            throws UsageException {
        Sites chosenSites = topology.sites();
        if (topology.transport().tls()) {
            if (withNextjs) {
                throw new UsageException("--transport=https with --nextjs: the Next.js apps run with 'next start',"
                        + " which serves plain HTTP only; leave out --nextjs, or use --transport=http.");
            }
            if (targetMode) {
                throw new UsageException("--transport=https with --target: the harness cannot give a target app a"
                        + " certificate (its file has no TLS options); leave out --target, or use --transport=http.");
            }
            if (externalAppwrite) {
                throw new UsageException("--transport=https with --appwrite-endpoint: the run's certificates are for"
                        + " the bundled emulator, and an external Appwrite has its own; leave out --appwrite-endpoint,"
                        + " or use --transport=http.");
            }
        }
        if (chosenSites == Sites.CROSS && !topology.transport().tls()) {
            throw new UsageException("--sites=cross needs --transport=https: a page on another site than Appwrite keeps"
                    + " Appwrite's cookie only when it is Secure (SameSite=None), and Appwrite Cloud is https anyway;"
                    + " add --transport=https, or use --sites=same.");
        }
        if (chosenSites.named()) {
            if (externalAppwrite) {
                throw new UsageException("--sites=" + chosenSites.code() + " with --appwrite-endpoint: the sites name"
                        + " the bundled emulator's host, and an external Appwrite has its own; leave out one of them.");
            }
            if (externalTargets) {
                throw new UsageException("--sites=" + chosenSites.code() + " with target apps that run on their own:"
                        + " the harness puts no links in front of them to map the names to; leave out --sites.");
            }
        }
    }

    /** {@code --server-settings}, blank = the default; {@code --jmh-full} (the older name of full) wins. */
    private ServerPhaseSettings serverPhaseSettings() throws UsageException {
        ServerPhaseSettings chosen;
        try {
            chosen = ServerPhaseSettings.parse(blank(serverSettings) ? Defaults.SERVER_SETTINGS : serverSettings);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server-settings: " + e.getMessage());
        }
        return parseBoolean("--jmh-full", jmhFull) ? ServerPhaseSettings.FULL : chosen;
    }

    private boolean csrCookiePath() throws UsageException {
        String value = blank(csrSessionPath) ? "fallback" : csrSessionPath.trim();
        return switch (value) {
            case "fallback" -> false;
            case "cookie" -> true;
            default -> throw new UsageException("--csr-session-path: '" + value + "' is not fallback or cookie.");
        };
    }

    /** An explicit folder must hold the sources; without one, the current directory is used if it does. */
    private static Path sourceRoot(String value) throws UsageException {
        if (blank(value)) {
            return SourceRoot.resolve(null).orElse(null);
        }
        return SourceRoot.resolve(Path.of(value.trim()))
                .orElseThrow(() -> new UsageException("--source-root: '" + value.trim()
                        + "' has no ssr-app/ and csr-app/ folders; point it at the AuthBench repository root."));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The flows in the order given, each once; the default flows when none was given (a blank value, as Maven passes
     * for an unset property, converts to null). A value of nothing but separators ({@code --flows=,}) is a mistake,
     * not a request for the defaults.
     */
    private static List<Flow> flows(List<Flow> given, List<String> raw) throws UsageException {
        LinkedHashSet<Flow> chosen = new LinkedHashSet<>();
        given.stream().filter(Objects::nonNull).forEach(chosen::add);
        if (chosen.isEmpty() && raw.stream().anyMatch(v -> !v.isBlank())) {
            throw new UsageException("--flows: an empty list was given where flow names are expected ('"
                    + String.join(" ", raw) + "'); name them (e.g. --flows=login,navigate; known flows: "
                    + Flow.codes() + ") or leave the option out for the defaults.");
        }
        if (chosen.isEmpty()) {
            FlowConverter converter = new FlowConverter();
            Arrays.stream(Defaults.FLOWS.split(",")).map(converter::convert).forEach(chosen::add);
        }
        return new ArrayList<>(chosen);
    }

    private static List<String> list(String value, String fallback) throws UsageException {
        String text = blank(value) ? fallback : value;
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        if (items.isEmpty()) {
            throw new UsageException("an empty list was given where names are expected: '" + value + "'.");
        }
        return new ArrayList<>(items);
    }

    private static boolean parseBoolean(String option, String value) throws UsageException {
        if (blank(value)) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UsageException(option + ": '" + value + "' is not true or false.");
        };
    }

    private static boolean parseOnOff(String option, String value, boolean fallback) throws UsageException {
        if (blank(value)) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new UsageException(option + ": '" + value + "' is not on or off.");
        };
    }

    /** A whole-number option: blank = {@code fallback}; below {@code min} or not a number = a usage error. */
    static int parseInt(String option, String value, int fallback, int min) throws UsageException {
        if (blank(value)) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min) {
                throw new UsageException(option + ": " + parsed + " is too small; use " + min + " or more.");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + value + "' is not a whole number.");
        }
    }

    private static long parseLong(String option, String value, long fallback) throws UsageException {
        if (blank(value)) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + value + "' is not a whole number.");
        }
    }

    private static Path existingFile(String option, String value) throws UsageException {
        Path path = Path.of(value.trim());
        if (!Files.isRegularFile(path)) {
            throw new UsageException(option + ": no file at " + path.toAbsolutePath() + ".");
        }
        return path;
    }

    private static Path jar(String option, String value, Path fallback, String module) throws UsageException {
        Path path = blank(value) ? fallback : Path.of(value.trim());
        if (!Files.isRegularFile(path)) {
            throw new UsageException(option + ": " + module + "'s jar is missing at " + path.toAbsolutePath()
                    + "; build it with 'mvn -q -B -pl " + module
                    + " package -DskipTests' (or 'mvn package' at the root).");
        }
        return path;
    }
}
