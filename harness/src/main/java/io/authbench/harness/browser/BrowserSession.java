package io.authbench.harness.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import io.authbench.support.browser.Browsers;
import io.authbench.support.browser.LaunchSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * One Playwright driver and one Chromium process for the whole run (DESIGN §5: a pair runs on the same browser
 * process); every iteration gets a fresh context from it. Close it to stop the browser and the driver.
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
        Playwright playwright = Browsers.createPlaywright();
        try {
            Browser browser = Browsers.launchChromium(playwright, new LaunchSettings(executable, true, EXTRA_FLAGS,
                    LaunchSettings.DEFAULT_LAUNCH_TIMEOUT));
            return new BrowserSession(playwright, browser);
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
