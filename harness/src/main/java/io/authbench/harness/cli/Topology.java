package io.authbench.harness.cli;

import io.authbench.harness.browser.BrowserTarget;
import io.authbench.harness.link.LinkHosts;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where the browser runs and how it reaches the links (docs/running-at-scale.md). The default is everything on this
 * machine: Chromium launched here, links on loopback, URLs with {@code localhost}.
 *
 * @param browserWs    a Playwright server's WebSocket endpoint ({@code --browser-ws}); null = none
 * @param seleniumGrid a Selenium Grid 4 hub ({@code --selenium-grid}); null = none. Never both
 * @param links        bind address of the browser-facing links and the host name in browser URLs
 */
public record Topology(URI browserWs, URI seleniumGrid, LinkHosts links) {

    public Topology {
        if (browserWs != null && seleniumGrid != null) {
            throw new IllegalArgumentException("a Playwright server and a Selenium Grid cannot both be used");
        }
        links = links == null ? LinkHosts.loopback() : links;
    }

    /** Chromium launched here, links on loopback. */
    public static Topology local() {
        return new Topology(null, null, LinkHosts.loopback());
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
