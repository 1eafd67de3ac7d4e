package io.authbench.harness.cli;

import io.authbench.harness.browser.BrowserTarget;
import io.authbench.harness.link.LinkHosts;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

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
 */
public record Topology(URI browserWs, URI seleniumGrid, LinkHosts links, boolean csrCookiePath) {
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
        if (csrCookiePath && !links.publicHost().equals(CSR_COOKIE_HOST)) {
            throw new IllegalArgumentException("the cookie-only CSR path uses the public host " + CSR_COOKIE_HOST);
        }
    }

    /** Without the cookie-only CSR path. */
    public Topology(URI browserWs, URI seleniumGrid, LinkHosts links) {
        this(browserWs, seleniumGrid, links, false);
    }

    /**
     * Chromium flags this topology needs: on the cookie-only path, {@link #CSR_COOKIE_HOST} resolved to the address
     * the links listen on (127.0.0.1 when they listen on every interface), by Chromium itself.
     */
    public List<String> browserFlags() {
        if (!csrCookiePath) {
            return List.of();
        }
        String address = links.bindAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : links.bindAddress().getHostAddress();
        return List.of("--host-resolver-rules=MAP " + CSR_COOKIE_HOST + " " + address);
    }

    /** Chromium launched here, links on loopback. */
    public static Topology local() {
        return new Topology(null, null, LinkHosts.loopback(), false);
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
