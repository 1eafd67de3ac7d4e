package io.authbench.harness.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Playwright driver and one Chromium process for the whole run (DESIGN §5: a pair runs on the same browser
 * process); every iteration gets a fresh context from it. Close it to stop the browser and the driver.
 */
public final class BrowserSession implements AutoCloseable {
    /** Flags from platform-notes §1: no sandbox (root), no GPU, no QUIC, no background traffic to distort timings. */
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions");

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Starts the driver on the machine's node and launches {@code executable} headless. Playwright never downloads a
     * browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).
     */
    public static BrowserSession launch(Path executable) {
        if (System.getProperty("playwright.nodejs.path") == null && System.getenv("PLAYWRIGHT_NODEJS_PATH") == null) {
            // driver-bundle (202 MB of node binaries) is excluded from the build: run the driver on the system node.
            Path node = Files.isExecutable(Path.of("/usr/bin/node")) ? Path.of("/usr/bin/node") : Path.of("node");
            System.setProperty("playwright.nodejs.path", node.toString());
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS));
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
