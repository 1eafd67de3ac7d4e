package io.authbench.support.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates Playwright on the machine's own Node.js from a cached driver folder, and launches the machine's Chromium.
 *
 * <p>Lifecycle (by cost): one {@link Playwright} and one {@link Browser} per test class or scenario run, a fresh
 * {@code BrowserContext} per measured iteration. Both are {@link AutoCloseable}; close the browser, then Playwright.
 *
 * <pre>{@code
 * try (Playwright playwright = Browsers.createPlaywright();
 *      Browser browser = Browsers.launchChromium(playwright, LaunchSettings.defaults())) {
 *     Page page = browser.newPage();
 * }
 * }</pre>
 */
public final class Browsers {
    /**
     * Always passed to Chromium (platform-notes §1): no sandbox (the machines run as root), no GPU, no QUIC (all
     * traffic goes through TCP links), and none of the background traffic that would disturb measurements.
     */
    public static final List<String> CHROMIUM_FLAGS = List.of(
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync");

    /** Read by Playwright 1.62's {@code Driver.newInstance()} before {@code PLAYWRIGHT_DRIVER_DIR}. */
    static final String DRIVER_DIR_PROPERTY = "playwright.cli.dir";
    static final String DRIVER_DIR_ENV = "PLAYWRIGHT_DRIVER_DIR";

    private Browsers() {
    }

    /**
     * Creates a Playwright whose driver runs on the machine's node from the cached driver folder (extracted on first
     * use). Browser downloads are always skipped. If {@code playwright.cli.dir} or {@code PLAYWRIGHT_DRIVER_DIR} is
     * already set, that folder is used as is.
     *
     * @throws BrowserSetupException if node is missing or too old, the cache cannot be written, or the driver fails
     */
    public static Playwright createPlaywright() {
        NodeJs node = NodeJs.locate(PlaywrightDriver.requiredNodeMajor(),
                new NodeVersionMemo(DriverCache.base().resolve("node-version")));
        String userDir = userDriverDir();
        Path driverDir;
        String fix;
        if (userDir != null) {
            driverDir = Path.of(userDir).toAbsolutePath();
            fix = "Check that " + driverDir + " holds a Playwright " + PlaywrightDriver.version()
                    + " driver (package/cli.js), or unset playwright.cli.dir and PLAYWRIGHT_DRIVER_DIR to use AuthBench's cache.";
            if (!Files.isRegularFile(driverDir.resolve("package/cli.js"))) {
                throw new BrowserSetupException("The Playwright driver folder " + driverDir + " (from playwright.cli.dir"
                        + " or PLAYWRIGHT_DRIVER_DIR) has no package/cli.js. " + fix);
            }
        } else {
            driverDir = DriverCache.prepare(
                    DriverCache.base(), PlaywrightDriver.version(), PlaywrightDriver.packageJson(), node.path()).dir();
            fix = "Delete " + driverDir + " so it is extracted again.";
            // Playwright keeps one driver per JVM: this property matters for the first create() only, and every
            // later create() of this JVM agrees with it.
            System.setProperty(DRIVER_DIR_PROPERTY, driverDir.toString());
        }
        Map<String, String> driverEnvironment = Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                // The node we checked, rather than whatever <driverDir>/node happens to point at.
                "PLAYWRIGHT_NODEJS_PATH", node.path().toString());
        try {
            return Playwright.create(new Playwright.CreateOptions().setEnv(driverEnvironment));
        } catch (RuntimeException e) {
            // PlaywrightException when the driver process dies; a bare RuntimeException("Failed to create driver")
            // when Playwright cannot set the driver up at all.
            throw new BrowserSetupException("Playwright could not start its driver (node " + node.path() + ", driver "
                    + driverDir + "): " + rootMessage(e) + ". " + fix, e);
        }
    }

    private static String userDriverDir() {
        String property = System.getProperty(DRIVER_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String environment = System.getenv(DRIVER_DIR_ENV);
        return environment == null || environment.isBlank() ? null : environment;
    }

    /** Launches Chromium headless with {@link #CHROMIUM_FLAGS}, from {@link LaunchSettings#defaults()}. */
    public static Browser launchChromium(Playwright playwright) {
        return launchChromium(playwright, LaunchSettings.defaults());
    }

    /**
     * Launches Chromium with {@link #CHROMIUM_FLAGS} plus the settings' extra flags.
     *
     * @throws BrowserSetupException naming the executable and the cause, if it does not start
     */
    public static Browser launchChromium(Playwright playwright, LaunchSettings settings) {
        List<String> args = new ArrayList<>(CHROMIUM_FLAGS);
        args.addAll(settings.extraArgs());
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setExecutablePath(settings.executable())
                .setHeadless(settings.headless())
                .setArgs(args)
                .setTimeout(settings.launchTimeout().toMillis());
        try {
            return playwright.chromium().launch(options);
        } catch (PlaywrightException e) {
            throw new BrowserSetupException("Chromium at " + settings.executable() + " failed to launch: "
                    + PlaywrightErrors.summarize(e.getMessage()) + ". Check that '" + settings.executable()
                    + " --headless --no-sandbox --version' runs, or choose another browser with -Dauthbench.browser.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e || root.getMessage() == null ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
        return PlaywrightErrors.summarize(message);
    }
}
