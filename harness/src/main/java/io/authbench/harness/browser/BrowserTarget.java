package io.authbench.harness.browser;

import io.authbench.support.browser.RemoteEndpoints;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the run's Chromium comes from: launched here (the default), handed over by a Playwright server
 * ({@code --browser-ws}), or launched on a Selenium Grid 4 node ({@code --selenium-grid}). Every kind gives a
 * Playwright {@code Browser} on which CDP sessions work, so every metric that comes from the browser is measured the
 * same way; {@link #settings()} records which kind ran.
 */
public sealed interface BrowserTarget {

    /** {@code config.settings} entries: {@code browserMode} and, for a remote browser, {@code browserEndpoint}. */
    Map<String, String> settings();

    /** True when the browser runs outside this harness's process tree (its CPU is not this machine's business). */
    default boolean remote() {
        return !(this instanceof Local);
    }

    /** One line for the console, without credentials. */
    String describe();

    /** Chromium launched here from {@code executable}. */
    record Local(Path executable) implements BrowserTarget {
        public Local {
            Objects.requireNonNull(executable, "executable");
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("browserMode", "local");
        }

        @Override
        public String describe() {
            return "Chromium " + executable + " launched here";
        }
    }

    /**
     * A Playwright server of the same version.
     *
     * @param endpoint           its WebSocket URL (may hold credentials: never print it, use {@link #describe()})
     * @param executableOnServer the browser binary on the server's machine, sent in the launch options; null = the
     *                           server's own choice
     */
    record PlaywrightServer(URI endpoint, Path executableOnServer) implements BrowserTarget {
        public PlaywrightServer {
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public Map<String, String> settings() {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("browserMode", "playwright-server");
            settings.put("browserEndpoint", RemoteEndpoints.redacted(endpoint));
            return settings;
        }

        @Override
        public String describe() {
            return "Chromium from the Playwright server " + RemoteEndpoints.redacted(endpoint);
        }
    }

    /** A Selenium Grid 4 hub (Playwright's experimental Selenium Grid support; Chromium only). */
    record SeleniumGrid(URI hub) implements BrowserTarget {
        public SeleniumGrid {
            Objects.requireNonNull(hub, "hub");
        }

        @Override
        public Map<String, String> settings() {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("browserMode", "selenium-grid");
            settings.put("browserEndpoint", RemoteEndpoints.redacted(hub));
            return settings;
        }

        @Override
        public String describe() {
            return "Chromium on the Selenium Grid " + RemoteEndpoints.redacted(hub);
        }
    }
}
