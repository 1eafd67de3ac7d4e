package io.authbench.harness.cli;

import io.authbench.harness.browser.BrowserTarget;
import io.authbench.harness.link.LinkHosts;
import io.authbench.harness.transport.Sites;
import io.authbench.harness.transport.Transport;
import io.authbench.support.process.CpuSets;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the browser runs and how it reaches the links (docs/running-at-scale.md). The default is everything on this
 * machine: Chromium launched here, links on loopback, URLs with {@code localhost}.
 *
 * @param browserWs    a Playwright server's WebSocket endpoint ({@code --browser-ws}); null = none
 * @param seleniumGrid a Selenium Grid 4 hub ({@code --selenium-grid}); null = none. Never both
 * @param links        bind address of the browser-facing links and the host name in browser URLs
 * @param csrCookiePath {@code --csr-session-path=cookie}: the browser URLs use {@link #CSR_COOKIE_HOST}, a name under
 *                     a domain Appwrite can verify, which Chromium resolves to the links' address itself; false = the
 *                     public host as given ({@code localhost} by default, where Appwrite sends X-Fallback-Cookies)
 * @param transport    {@code --transport}: plain HTTP or HTTPS with the run's own authority
 * @param sites        {@code --sites}: one host name for all ({@link Sites#LOCALHOST}), or the apps and Appwrite on
 *                     named hosts of one site or of two; {@code links} then carries those names
 * @param cpuSets      {@code --cpu-sets}: the CPUs of the measuring side (this JVM with its links, the browser) and of
 *                     the servers, or {@link CpuSets#off()} (null = off); only with the browser launched here
 */
public record Topology(
        URI browserWs,
        URI seleniumGrid,
        LinkHosts links,
        boolean csrCookiePath,
        Transport transport,
        Sites sites,
        CpuSets cpuSets) {
    /**
     * The host name of the cookie-only path. Two labels under a top-level name that is not reserved for local use
     * ({@code localhost}, {@code test}, {@code local}, {@code invalid}, {@code example} have no registrable domain for
     * Appwrite), so the app's origin and the API share the registrable domain {@code authbench.internal} and
     * Appwrite's domain check passes. No DNS is asked: Chromium maps it ({@link #browserFlags()}).
     */
    public static final String CSR_COOKIE_HOST = "authbench.internal";

    public Topology {
        if (browserWs != null && seleniumGrid != null) {
            throw new IllegalArgumentException("a Playwright server and a Selenium Grid cannot both be used");
        }
        links = links == null ? LinkHosts.loopback() : links;
        transport = transport == null ? Transport.HTTP : transport;
        sites = sites == null ? Sites.LOCALHOST : sites;
        cpuSets = cpuSets == null ? CpuSets.off() : cpuSets;
        if (csrCookiePath && !links.publicHost().equals(CSR_COOKIE_HOST)) {
            throw new IllegalArgumentException("the cookie-only CSR path uses the public host " + CSR_COOKIE_HOST);
        }
        if (sites.named()
                && (csrCookiePath
                        || !links.publicHost().equals(sites.appHost())
                        || !links.appwriteHost().equals(sites.appwriteHost()))) {
            throw new IllegalArgumentException(
                    "named sites set the host names themselves: " + sites.appHost() + ", " + sites.appwriteHost());
        }
        if ((transport.tls() || sites.named()) && (browserWs != null || seleniumGrid != null)) {
            throw new IllegalArgumentException("https and named sites need the browser launched here");
        }
        if (cpuSets.on() && (browserWs != null || seleniumGrid != null)) {
            throw new IllegalArgumentException("CPU sets need the browser launched here");
        }
    }

    /** Without CPU sets. */
    public Topology(
            URI browserWs, URI seleniumGrid, LinkHosts links, boolean csrCookiePath, Transport transport, Sites sites) {
        this(browserWs, seleniumGrid, links, csrCookiePath, transport, sites, CpuSets.off());
    }

    /** This topology with the given CPU sets. */
    public Topology withCpuSets(CpuSets sets) {
        return new Topology(browserWs, seleniumGrid, links, csrCookiePath, transport, sites, sets);
    }

    /** Plain HTTP, one host name. */
    public Topology(URI browserWs, URI seleniumGrid, LinkHosts links, boolean csrCookiePath) {
        this(browserWs, seleniumGrid, links, csrCookiePath, Transport.HTTP, Sites.LOCALHOST);
    }

    /** Plain HTTP, one host name, without the cookie-only CSR path. */
    public Topology(URI browserWs, URI seleniumGrid, LinkHosts links) {
        this(browserWs, seleniumGrid, links, false);
    }

    /**
     * Chromium flags this topology needs: on the cookie-only path {@link #CSR_COOKIE_HOST}, with named sites the apps'
     * and Appwrite's host names, resolved to the address the links listen on (127.0.0.1 when they listen on every
     * interface) by Chromium itself. No DNS is asked and no system file changed; the ports stay the links'.
     */
    public List<String> browserFlags() {
        Set<String> mapped = new LinkedHashSet<>();
        if (csrCookiePath) {
            mapped.add(CSR_COOKIE_HOST);
        }
        if (sites.named()) {
            mapped.add(sites.appHost());
            mapped.add(sites.appwriteHost());
        }
        if (mapped.isEmpty()) {
            return List.of();
        }
        String address = links.bindAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : links.bindAddress().getHostAddress();
        List<String> rules = new ArrayList<>();
        mapped.forEach(host -> rules.add("MAP " + host + " " + address));
        return List.of("--host-resolver-rules=" + String.join(", ", rules));
    }

    /** Chromium launched here, links on loopback. */
    public static Topology local() {
        return new Topology(null, null, LinkHosts.loopback(), false);
    }

    /** The URL scheme of every browser-facing party: {@code http} or {@code https}. */
    public String scheme() {
        return transport.code();
    }

    /** True when the browser is not launched by this harness. */
    public boolean remoteBrowser() {
        return browserWs != null || seleniumGrid != null;
    }

    /**
     * The browser to use. {@code browser} is the local executable for a local run, the executable on the server's
     * machine for a Playwright server (null = the server's choice), and unused for a grid (its node decides).
     */
    public BrowserTarget browserTarget(Path browser) {
        if (browserWs != null) {
            return new BrowserTarget.PlaywrightServer(browserWs, browser);
        }
        if (seleniumGrid != null) {
            return new BrowserTarget.SeleniumGrid(seleniumGrid);
        }
        return new BrowserTarget.Local(browser);
    }
}
