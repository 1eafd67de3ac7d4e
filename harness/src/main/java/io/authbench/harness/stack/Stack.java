package io.authbench.harness.stack;

import io.authbench.harness.backend.ExternalAppwrite;
import io.authbench.harness.http.ClientTrust;
import io.authbench.harness.link.LinkHosts;
import io.authbench.harness.link.LinkProxy;
import io.authbench.harness.profile.LinkSpec;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.harness.transport.RunTls;
import io.authbench.reports.results.Environment;
import io.authbench.support.process.ServerDiedException;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator, started once per run, plus per profile the links and both apps ({@link ProfileStack}). With an
 * external Appwrite ({@link #connect}) no emulator is started: the links lead to that endpoint instead.
 *
 * <p>Why the apps restart per profile: each app is told its Appwrite endpoint on its command line, and that
 * endpoint is a link whose delay belongs to the profile. New links on new ports plus a restart of the two small
 * apps keeps every link's configuration immutable and visible in the logs; the emulator, which holds the users,
 * keeps running. The engine warms the restarted apps' JIT before measuring.
 */
public final class Stack implements AutoCloseable {
    /** Environment variable the emulator reads its API key from (never the command line). */
    static final String EMULATOR_KEY_ENV = "APPWRITE_EMULATOR_API_KEY";
    /** Environment variable ssr-app reads its API key from (docs/CONVENTIONS.md). */
    static final String APP_KEY_ENV = "APPWRITE_API_KEY";
    /**
     * Both apps give up on Appwrite after 5 s by default (ssr-app on the server, csr-app in the page). Appwrite's
     * argon2 password check alone can take seconds on a busy 2-core machine, so the harness allows more for both: a
     * slow answer is measured, not turned into a failure. It changes nothing when calls are fast.
     */
    public static final Duration APP_UPSTREAM_TIMEOUT = Duration.ofSeconds(20);

    static final String UPSTREAM_TIMEOUT = APP_UPSTREAM_TIMEOUT.toSeconds() + "s";
    /** Child JVMs get a bounded heap: three JVMs and Chromium share the machine. */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx512m");

    private final StackConfig config;
    private final String apiKey;
    private final ServerProcess emulator;
    /** The external Appwrite, or null when the harness runs the emulator. */
    private final ExternalAppwrite external;
    /** The run's TLS ({@code --transport=https}): every server serves HTTPS; null = plain HTTP. */
    private final RunTls tls;

    private Stack(StackConfig config, String apiKey, ServerProcess emulator, ExternalAppwrite external, RunTls tls) {
        this.config = config;
        this.apiKey = apiKey;
        this.emulator = emulator;
        this.external = external;
        this.tls = tls;
    }

    /**
     * Creates the project's API key (a fresh random Appwrite-style {@code standard_<256 hex>} secret that lives only
     * in this process and its children's environment) and starts the emulator with it.
     *
     * <p>Rate limits are off ({@code --rate-limits off}, as {@code _APP_OPTIONS_ABUSE=disabled} on a self-hosted
     * Appwrite): every browser and app request reaches the emulator from 127.0.0.1, so Appwrite's per-IP limits
     * (100 logouts per hour per IP) would fail the default run's 168 logouts after the hundredth, and the per-email
     * login limit is never reached anyway (a fresh user per login). Password hashing stays Appwrite's own.
     */
    public static Stack start(StackConfig config) {
        return start(config, null, LinkHosts.loopback());
    }

    /**
     * As {@link #start(StackConfig)}, over HTTPS with {@code tls}'s certificates when it is not null, for a browser
     * that reaches the apps and Appwrite under {@code hosts}' names: an app host other than {@code localhost} and
     * Appwrite's own host is registered as a web platform ({@code --platform}), as an Appwrite project's web platform
     * names the app's domain, so Appwrite's CORS answers and origin checks accept the app's pages.
     */
    public static Stack start(StackConfig config, RunTls tls, LinkHosts hosts) {
        String apiKey = newApiKey();
        List<String> args = new ArrayList<>(
                List.of("--port", "0", "--host", "127.0.0.1", "--project", config.projectId(), "--rate-limits", "off"));
        if (!hosts.publicHost().equals(LinkHosts.DEFAULT_PUBLIC_HOST)
                && !hosts.publicHost().equals(hosts.appwriteHost())) {
            args.addAll(List.of("--platform", hosts.publicHost()));
        }
        if (tls != null) {
            args.addAll(tls.serverArguments(RunTls.APPWRITE));
        }
        ServerSpec spec = ServerSpec.javaJar("appwrite-emulator", CHILD_JVM_OPTIONS, config.emulatorJar(), args)
                .withEnvironment(Map.of(EMULATOR_KEY_ENV, apiKey))
                .withStartTimeout(config.serverStartTimeout());
        return new Stack(
                config, apiKey, ServerProcess.start(config.cpuSets().forServer(spec), config.logDir()), null, tls);
    }

    /**
     * Uses an Appwrite the harness did not start (checked by {@code backend.Preflight} first): nothing is launched
     * here; {@code config.projectId()} must be {@code backend.projectId()}.
     */
    public static Stack connect(StackConfig config, ExternalAppwrite backend) {
        if (!config.projectId().equals(backend.projectId())) {
            throw new IllegalArgumentException("the stack's project id differs from the external Appwrite's");
        }
        return new Stack(config, backend.apiKey(), null, backend, null);
    }

    /** True when Appwrite is an external endpoint, not the emulator this harness started. */
    public boolean external() {
        return external != null;
    }

    /** Appwrite's API base as the harness itself reaches it (no link): for set-up, clean-up and statistics. */
    public URI appwriteApi() {
        return external != null ? external.endpoint() : emulator.url();
    }

    /** What results.json records as the backend: {@code emulator}, or the external endpoint URL (no credentials). */
    public String backendLabel() {
        return external != null ? external.label() : Environment.EMULATOR;
    }

    /** The name incidents use for Appwrite: the emulator child, or the external endpoint. */
    public String appwriteName() {
        return external != null ? "appwrite (" + external.label() + ")" : "appwrite-emulator";
    }

    /** The Appwrite process for server CPU, -1 when it is not a process of this machine (external). */
    public long appwritePid() {
        return emulator != null ? emulator.pid() : -1;
    }

    /** The emulator's request counters, null for an external Appwrite (it has no {@code /_emulator/stats}). */
    public EmulatorStats emulatorStats(Duration timeout) {
        return emulator != null ? new EmulatorStats(emulator.url(), timeout, clientTrust()) : null;
    }

    /** What the harness's own clients trust: the run's authority over HTTPS, else the JDK's authorities. */
    public ClientTrust clientTrust() {
        return tls != null ? tls.clientTrust() : ClientTrust.jdk();
    }

    /** {@code https} when the servers serve TLS, else {@code http}. */
    public String scheme() {
        return tls != null ? "https" : "http";
    }

    static String newApiKey() {
        byte[] secret = new byte[128];
        new SecureRandom().nextBytes(secret);
        return "standard_" + HexFormat.of().formatHex(secret);
    }

    /** The emulator's API base as it printed it (127.0.0.1, no link), for set-up and statistics. */
    public URI emulatorApi() {
        return appwriteApi();
    }

    /** The emulator process; null with an external Appwrite. */
    public ServerProcess emulator() {
        return emulator;
    }

    /** The API key, for the harness's own admin client (seeding users). Never print it. */
    public String apiKey() {
        return apiKey;
    }

    public String projectId() {
        return config.projectId();
    }

    /** Starts the links of {@code profile} and both bundled apps behind them, all on loopback with {@code localhost} URLs. */
    public ProfileStack startProfile(NetworkProfile profile) {
        return startProfile(profile, LinkHosts.loopback());
    }

    /** As {@link #startProfile(NetworkProfile, LinkHosts, Map)} with the two bundled apps. */
    public ProfileStack startProfile(NetworkProfile profile, LinkHosts hosts) {
        return startProfile(
                profile,
                hosts,
                new BundledLauncher(true, config.ssrJar()),
                new BundledLauncher(false, config.csrJar()));
    }

    /** As {@link #startProfile(NetworkProfile, LinkHosts, Map)} with an SSR and a CSR app. */
    public ProfileStack startProfile(
            NetworkProfile profile, LinkHosts hosts, AppLauncher ssrLauncher, AppLauncher csrLauncher) {
        Map<String, AppLauncher> launchers = new LinkedHashMap<>();
        launchers.put(ProfileStack.SSR, ssrLauncher);
        launchers.put(ProfileStack.CSR, csrLauncher);
        return startProfile(profile, hosts, launchers);
    }

    /**
     * Starts the links of {@code profile} and the apps behind them: the browser-facing links listen on
     * {@code hosts.bindAddress()} and browser URLs (the apps, and the Appwrite endpoint the pages call) use
     * {@code hosts.publicHost()}; the app→Appwrite link and the apps stay on loopback. Each app is started by its
     * launcher once the Appwrite links exist (it is told their addresses), then gets its own browser→app link
     * ({@code browser-<key>}), shaped like the others. All apps share the two Appwrite links, as they share Appwrite.
     *
     * @param launchers the apps by key, in start order: {@link ProfileStack#SSR} and {@link ProfileStack#CSR}, and in a
     *                  four-variant run the Next.js apps ({@code next-ssr}, {@code next-csr})
     */
    public ProfileStack startProfile(NetworkProfile profile, LinkHosts hosts, Map<String, AppLauncher> launchers) {
        checkAlive();
        InetAddress browserSide = hosts.bindAddress();
        String publicHost = hosts.publicHost();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            InetSocketAddress appwriteAddress = external != null
                    ? new InetSocketAddress(external.endpoint().getHost(), external.port())
                    : address(emulator.url());
            int appwritePin = launchers.values().stream()
                    .mapToInt(AppLauncher::pinnedAppwritePort)
                    .max()
                    .orElse(0);
            LinkProxy browserAppwrite = link(
                    "browser-appwrite", appwriteAddress, profile.browserAppwrite(), browserSide, appwritePin, started);
            LinkProxy appAppwrite = link(
                    "app-appwrite",
                    appwriteAddress,
                    profile.appAppwrite(),
                    InetAddress.getLoopbackAddress(),
                    0,
                    started);
            String apiPath = external != null ? external.endpoint().getRawPath() : "/v1";
            // With https, TLS ends in the emulator behind each link: the handshake's bytes cross the link.
            URI appwriteForBrowser =
                    URI.create(scheme() + "://" + hosts.appwriteHost() + ":" + browserAppwrite.port() + apiPath);
            URI appwriteForSsr = URI.create(scheme() + "://localhost:" + appAppwrite.port() + apiPath);
            Set<Integer> appwritePorts = Set.of(browserAppwrite.port());
            if (external != null && external.tls()) {
                // TLS checks the server's name: a loopback link cannot stand in for an https host, so the apps and
                // the browser talk to it directly and the real network between here and there is the link.
                appwriteForBrowser = external.endpoint();
                appwriteForSsr = external.endpoint();
                appwritePorts = Set.of(external.port());
            }
            AppLauncher.Context context = new AppLauncher.Context(
                    profile.name(),
                    appwriteForSsr,
                    appwriteForBrowser,
                    config.projectId(),
                    apiKey,
                    config.serverStartTimeout(),
                    config.logDir(),
                    tls,
                    config.cpuSets());
            Map<String, ServerProcess> apps = new LinkedHashMap<>();
            for (Map.Entry<String, AppLauncher> launcher : launchers.entrySet()) {
                ServerProcess app = launcher.getValue().start(context);
                started.add(app);
                apps.put(launcher.getKey(), app);
            }
            Map<String, LinkProxy> appLinks = new LinkedHashMap<>();
            Map<String, URI> bases = new LinkedHashMap<>();
            for (Map.Entry<String, AppLauncher> launcher : launchers.entrySet()) {
                String key = launcher.getKey();
                LinkProxy appLink = link(
                        "browser-" + key,
                        address(apps.get(key).url()),
                        profile.browserApp(),
                        browserSide,
                        launcher.getValue().pinnedAppPort(),
                        started);
                appLinks.put(key, appLink);
                bases.put(key, URI.create(scheme() + "://" + publicHost + ":" + appLink.port()));
            }
            Endpoints endpoints = new Endpoints(bases, appwriteForBrowser, appwriteForSsr, appwriteApi());
            return new ProfileStack(
                    profile, endpoints, apps, appLinks, browserAppwrite, appAppwrite, appwritePorts, clientTrust());
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static LinkProxy link(
            String name,
            InetSocketAddress target,
            LinkSpec spec,
            InetAddress bindAddress,
            int port,
            List<AutoCloseable> started) {
        LinkProxy proxy = LinkProxy.start(name, target, spec, bindAddress, port);
        started.add(proxy);
        return proxy;
    }

    static InetSocketAddress address(URI url) {
        return new InetSocketAddress(url.getHost(), url.getPort());
    }

    /** Throws {@link ChildDiedException} with the emulator's log tail if it is no longer running. */
    public void checkAlive() {
        if (emulator == null) {
            return; // an external Appwrite is not our child; a failing call shows in the iterations
        }
        try {
            emulator.checkAlive();
        } catch (ServerDiedException e) {
            throw new ChildDiedException("appwrite-emulator", e.getMessage());
        }
    }

    static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // keep closing the rest: every child must be gone when the harness exits
            }
        }
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
