package io.authbench.harness.stack;

import io.authbench.harness.link.LinkHosts;
import io.authbench.harness.link.LinkProxy;
import io.authbench.harness.profile.LinkSpec;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.support.process.ServerDiedException;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The emulator, started once per run, plus per profile the links and both apps ({@link ProfileStack}).
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
    static final String UPSTREAM_TIMEOUT = "20s";
    /** Child JVMs get a bounded heap: three JVMs and Chromium share the machine. */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx512m");

    private final StackConfig config;
    private final String apiKey;
    private final ServerProcess emulator;

    private Stack(StackConfig config, String apiKey, ServerProcess emulator) {
        this.config = config;
        this.apiKey = apiKey;
        this.emulator = emulator;
    }

    /**
     * Creates the project's API key (a fresh random Appwrite-style {@code standard_<256 hex>} secret that lives only
     * in this process and its children's environment) and starts the emulator with it.
     */
    public static Stack start(StackConfig config) {
        String apiKey = newApiKey();
        ServerSpec spec = ServerSpec.javaJar("appwrite-emulator", CHILD_JVM_OPTIONS, config.emulatorJar(),
                        List.of("--port", "0", "--host", "127.0.0.1", "--project", config.projectId()))
                .withEnvironment(Map.of(EMULATOR_KEY_ENV, apiKey))
                .withStartTimeout(config.serverStartTimeout());
        return new Stack(config, apiKey, ServerProcess.start(spec, config.logDir()));
    }

    static String newApiKey() {
        byte[] secret = new byte[128];
        new SecureRandom().nextBytes(secret);
        return "standard_" + HexFormat.of().formatHex(secret);
    }

    /** The emulator's API base as it printed it (127.0.0.1, no link), for set-up and statistics. */
    public URI emulatorApi() {
        return emulator.url();
    }

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

    /** Starts the links of {@code profile} and both apps behind them, all on loopback with {@code localhost} URLs. */
    public ProfileStack startProfile(NetworkProfile profile) {
        return startProfile(profile, LinkHosts.loopback());
    }

    /**
     * As {@link #startProfile(NetworkProfile)}, with the browser-facing links listening on {@code hosts.bindAddress()}
     * and browser URLs (the apps, and the Appwrite endpoint the CSR page calls) on {@code hosts.publicHost()}. The
     * app→Appwrite link stays on loopback.
     */
    public ProfileStack startProfile(NetworkProfile profile, LinkHosts hosts) {
        checkAlive();
        InetAddress browserSide = hosts.bindAddress();
        String publicHost = hosts.publicHost();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            InetSocketAddress emulatorAddress = address(emulator.url());
            LinkProxy browserAppwrite = link("browser-appwrite", emulatorAddress, profile.browserAppwrite(), browserSide,
                    started);
            LinkProxy appAppwrite = link("app-appwrite", emulatorAddress, profile.appAppwrite(),
                    InetAddress.getLoopbackAddress(), started);
            URI appwriteForBrowser = URI.create("http://" + publicHost + ":" + browserAppwrite.port() + "/v1");
            URI appwriteForSsr = URI.create("http://localhost:" + appAppwrite.port() + "/v1");

            ServerProcess ssr = app("ssr-app", profile, config.ssrJar(), appwriteForSsr, Map.of(APP_KEY_ENV, apiKey),
                    List.of("--upstream-timeout", UPSTREAM_TIMEOUT));
            started.add(ssr);
            ServerProcess csr = app("csr-app", profile, config.csrJar(), appwriteForBrowser, Map.of(),
                    List.of("--upstream-timeout", UPSTREAM_TIMEOUT));
            started.add(csr);
            LinkProxy browserSsr = link("browser-ssr", address(ssr.url()), profile.browserApp(), browserSide, started);
            LinkProxy browserCsr = link("browser-csr", address(csr.url()), profile.browserApp(), browserSide, started);
            Endpoints endpoints = new Endpoints(URI.create("http://" + publicHost + ":" + browserSsr.port()),
                    URI.create("http://" + publicHost + ":" + browserCsr.port()), appwriteForBrowser, appwriteForSsr,
                    emulator.url());
            return new ProfileStack(profile, endpoints, ssr, csr, browserSsr, browserCsr, browserAppwrite, appAppwrite);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private ServerProcess app(String module, NetworkProfile profile, java.nio.file.Path jar, URI appwrite,
                              Map<String, String> environment, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1",
                "--appwrite-endpoint", appwrite.toString(), "--project", config.projectId()));
        args.addAll(extraArgs);
        ServerSpec spec = ServerSpec.javaJar(module + "." + profile.name(), CHILD_JVM_OPTIONS, jar, args)
                .withEnvironment(environment)
                .withStartTimeout(config.serverStartTimeout());
        return ServerProcess.start(spec, config.logDir());
    }

    private static LinkProxy link(String name, InetSocketAddress target, LinkSpec spec, InetAddress bindAddress,
                                  List<AutoCloseable> started) {
        LinkProxy proxy = LinkProxy.start(name, target, spec, bindAddress);
        started.add(proxy);
        return proxy;
    }

    static InetSocketAddress address(URI url) {
        return new InetSocketAddress(url.getHost(), url.getPort());
    }

    /** Throws {@link ChildDiedException} with the emulator's log tail if it is no longer running. */
    public void checkAlive() {
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
        emulator.close();
    }
}
