package io.authbench.harness.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import io.authbench.support.browser.Browsers;
import io.authbench.support.browser.LaunchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One Playwright driver and one Chromium process for the whole run (docs/statistics.md#cells-pairs-and-variants: a pair
 * runs on the same browser process); every iteration gets a fresh context from it. Close it to stop the browser and the
 * driver.
 *
 * <p>Playwright and Chromium come from the {@code support} module ({@link Browsers}): the driver is extracted once
 * per machine and runs on the machine's node, a browser is never downloaded, and a missing node or browser is one
 * {@code BrowserSetupException} naming the path and the fix.
 */
public final class BrowserSession implements AutoCloseable {
    /**
     * Added to support's {@link Browsers#CHROMIUM_FLAGS} (no sandbox, no GPU, no QUIC, no background networking):
     * no default apps or extensions, which would load code into the measured pages' browser.
     */
    static final List<String> EXTRA_FLAGS = List.of("--disable-default-apps", "--disable-extensions");

    /**
     * Upper bound for a remote browser to be handed over: a grid starts chromedriver and Chromium on its node, and
     * a busy node queues the request (5.7 s for a local standalone grid on the project machine).
     */
    static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(60);

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Starts the driver (support's cached driver on the machine's node) and launches {@code executable} headless.
     *
     * @throws io.authbench.support.browser.BrowserSetupException if node, the driver or the browser cannot start
     */
    public static BrowserSession launch(Path executable) {
        return launch(executable, List.of(), Map.of());
    }

    private static BrowserSession launch(Path executable, List<String> topologyFlags, Map<String, String> environment) {
        Playwright playwright = Browsers.createPlaywright();
        try {
            Browser browser = Browsers.launchChromium(
                    playwright,
                    new LaunchSettings(executable, true, flags(topologyFlags), LaunchSettings.DEFAULT_LAUNCH_TIMEOUT)
                            .withEnvironment(environment));
            return new BrowserSession(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * Opens the browser {@code target} names: launched here, from a Playwright server, or on a Selenium Grid.
     *
     * @throws io.authbench.support.browser.BrowserSetupException naming the target and the fix if it cannot be had
     */
    public static BrowserSession open(BrowserTarget target) {
        return open(target, List.of());
    }

    /** As {@link #open(BrowserTarget)}, with extra Chromium flags the run's topology needs (host-resolver rules). */
    public static BrowserSession open(BrowserTarget target, List<String> topologyFlags) {
        return open(target, topologyFlags, Map.of());
    }

    /**
     * As {@link #open(BrowserTarget, List)}, with variables added to a launched Chromium's environment: with
     * {@code --transport=https} the {@code HOME} whose NSS database trusts the run's authority
     * ({@code transport.RunTls}). A remote browser has its own environment, so it cannot get them.
     *
     * @throws IllegalArgumentException for environment variables with a remote browser
     */
    public static BrowserSession open(
            BrowserTarget target, List<String> topologyFlags, Map<String, String> environment) {
        if (target.remote() && !environment.isEmpty()) {
            throw new IllegalArgumentException("a remote browser's environment is not the harness's to set");
        }
        List<String> flags = flags(topologyFlags);
        if (target instanceof BrowserTarget.PlaywrightServer server) {
            return start(
                    Browsers.createPlaywright(),
                    playwright -> Browsers.connectChromium(
                            playwright, server.endpoint(), flags, server.executableOnServer(), REMOTE_TIMEOUT));
        }
        if (target instanceof BrowserTarget.SeleniumGrid grid) {
            return start(
                    Browsers.createPlaywright(Browsers.seleniumGridEnvironment(grid.hub())),
                    playwright -> Browsers.launchChromiumOnSeleniumGrid(playwright, grid.hub(), flags, REMOTE_TIMEOUT));
        }
        return launch(((BrowserTarget.Local) target).executable(), topologyFlags, environment);
    }

    private static List<String> flags(List<String> topologyFlags) {
        List<String> flags = new ArrayList<>(EXTRA_FLAGS);
        flags.addAll(topologyFlags);
        return List.copyOf(flags);
    }

    private static BrowserSession start(Playwright playwright, Function<Playwright, Browser> open) {
        try {
            return new BrowserSession(playwright, open.apply(playwright));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    /** Chromium's version, e.g. {@code 156.0.8078.108}. */
    public String version() {
        return browser.version();
    }

    public boolean isConnected() {
        return browser.isConnected();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } catch (RuntimeException ignored) {
            // the browser may already be gone (crash, Ctrl-C); closing the driver below still ends it
        } finally {
            playwright.close();
        }
    }
}
