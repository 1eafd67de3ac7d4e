package io.authbench.support.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     * Always passed to Chromium (docs/measurement-model.md#chromium-launch-flags): no sandbox (the machines run as
     * root), no GPU, no QUIC (all traffic goes through TCP links), none of the background traffic that would disturb
     * measurements, and no renderer processes that no benchmark page uses ({@link ChromiumFeatures}).
     */
    public static final List<String> CHROMIUM_FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            ChromiumFeatures.disableSwitch());

    /** Read by Playwright 1.62's {@code Driver.newInstance()} before {@code PLAYWRIGHT_DRIVER_DIR}. */
    static final String DRIVER_DIR_PROPERTY = "playwright.cli.dir";

    static final String DRIVER_DIR_ENV = "PLAYWRIGHT_DRIVER_DIR";
    /**
     * The header a Playwright server reads the client's launch options from
     * (docs/measurement-model.md#remote-playwright-servers).
     */
    static final String LAUNCH_OPTIONS_HEADER = "x-playwright-launch-options";
    /** Read by the Playwright driver at {@code launch()}: launch on this Selenium Grid hub instead (Chromium only). */
    static final String SELENIUM_REMOTE_URL = "SELENIUM_REMOTE_URL";
    /** The SELENIUM_REMOTE_URL of this JVM's first createPlaywright ("" = none), null before the first. */
    private static String firstSeleniumRemoteUrl;

    private Browsers() {}

    /**
     * Creates a Playwright whose driver runs on the machine's node from the cached driver folder (extracted on first
     * use). Browser downloads are always skipped. If {@code playwright.cli.dir} or {@code PLAYWRIGHT_DRIVER_DIR} is
     * already set, that folder is used as is.
     *
     * @throws BrowserSetupException if node is missing or too old, the cache cannot be written, or the driver fails
     */
    public static Playwright createPlaywright() {
        return createPlaywright(Map.of());
    }

    /**
     * As {@link #createPlaywright()}, with extra environment variables for the driver process, e.g.
     * {@code SELENIUM_REMOTE_URL} (see {@link #launchChromiumOnSeleniumGrid}).
     */
    public static Playwright createPlaywright(Map<String, String> extraDriverEnvironment) {
        checkSameDriverEnvironment(extraDriverEnvironment);
        NodeJs node = NodeJs.locate(
                PlaywrightDriver.requiredNodeMajor(),
                new NodeVersionMemo(DriverCache.base().resolve("node-version")));
        String userDir = userDriverDir();
        Path driverDir;
        String fix;
        if (userDir != null) {
            driverDir = Path.of(userDir).toAbsolutePath();
            fix = "Check that " + driverDir + " holds a Playwright " + PlaywrightDriver.version()
                    + " driver (package/cli.js), or unset playwright.cli.dir and PLAYWRIGHT_DRIVER_DIR to use AuthBench's cache.";
            if (!Files.isRegularFile(driverDir.resolve("package/cli.js"))) {
                throw new BrowserSetupException("The Playwright driver folder " + driverDir
                        + " (from playwright.cli.dir" + " or PLAYWRIGHT_DRIVER_DIR) has no package/cli.js. " + fix);
            }
        } else {
            driverDir = DriverCache.prepare(
                            DriverCache.base(), PlaywrightDriver.version(), PlaywrightDriver.packageJson(), node.path())
                    .dir();
            fix = "Delete " + driverDir + " so it is extracted again.";
            // Playwright keeps one driver per JVM: this property matters for the first create() only, and every
            // later create() of this JVM agrees with it.
            System.setProperty(DRIVER_DIR_PROPERTY, driverDir.toString());
        }
        Map<String, String> driverEnvironment = new LinkedHashMap<>(extraDriverEnvironment);
        // The driver inherits this JVM's environment: a SELENIUM_REMOTE_URL exported there would send every launch
        // to a grid while the run believes it is local. Empty = unset for the driver's node.
        driverEnvironment.putIfAbsent(SELENIUM_REMOTE_URL, "");
        driverEnvironment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // The node we checked, rather than whatever <driverDir>/node happens to point at.
        driverEnvironment.put("PLAYWRIGHT_NODEJS_PATH", node.path().toString());
        try {
            return Playwright.create(new Playwright.CreateOptions().setEnv(driverEnvironment));
        } catch (RuntimeException e) {
            // PlaywrightException when the driver process dies; a bare RuntimeException("Failed to create driver")
            // when Playwright cannot set the driver up at all.
            throw new BrowserSetupException(
                    "Playwright could not start its driver (node " + node.path() + ", driver " + driverDir + "): "
                            + rootMessage(e) + ". " + fix,
                    e);
        }
    }

    /**
     * The command that runs this Playwright version's driver CLI on the machine's node from the cached driver folder,
     * e.g. {@code [/usr/bin/node, ~/.cache/authbench/playwright-driver-1.62.0/package/cli.js]}. Append
     * {@code run-server --port N} to start a Playwright server of the same version as this client.
     */
    public static List<String> driverCommand() {
        NodeJs node = NodeJs.locate(
                PlaywrightDriver.requiredNodeMajor(),
                new NodeVersionMemo(DriverCache.base().resolve("node-version")));
        String userDir = userDriverDir();
        Path driverDir = userDir != null
                ? Path.of(userDir).toAbsolutePath()
                : DriverCache.prepare(
                                DriverCache.base(),
                                PlaywrightDriver.version(),
                                PlaywrightDriver.packageJson(),
                                node.path())
                        .dir();
        return List.of(
                node.path().toString(),
                driverDir.resolve("package").resolve("cli.js").toString());
    }

    /** The Playwright version of the client (and of the driver on the classpath), e.g. {@code 1.62.0}. */
    public static String playwrightVersion() {
        return PlaywrightDriver.version();
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
        if (!settings.environment().isEmpty()) {
            // Playwright's env replaces the browser's whole environment; keep this JVM's and add the settings'.
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.putAll(settings.environment());
            options.setEnv(environment);
        }
        try {
            return playwright.chromium().launch(options);
        } catch (PlaywrightException e) {
            throw new BrowserSetupException(
                    "Chromium at " + settings.executable() + " failed to launch: "
                            + PlaywrightErrors.summarize(e.getMessage()) + ". Check that '" + settings.executable()
                            + " --headless --no-sandbox --version' runs, or choose another browser with -Dauthbench.browser.",
                    e);
        }
    }

    /**
     * Connects to a Playwright server ({@code run-server} of the driver, or {@code launchServer}) of the same
     * Playwright version instead of launching a browser here. The server launches Chromium per connection with
     * {@link #CHROMIUM_FLAGS} plus {@code extraArgs} and, if given, {@code executableOnServer}; a {@code run-server}
     * honours both only when started with {@code --unsafe} (otherwise it uses its own browser and flags), a
     * {@code launchServer} script uses its own launch options.
     *
     * @param endpoint           the server's WebSocket URL (see {@link RemoteEndpoints#playwrightServer})
     * @param executableOnServer the browser binary on the server's machine; null = the server's own choice
     * @throws BrowserSetupException naming the endpoint (without credentials), the cause and the fix
     */
    public static Browser connectChromium(
            Playwright playwright, URI endpoint, List<String> extraArgs, Path executableOnServer, Duration timeout) {
        JsonObject launch = new JsonObject();
        launch.addProperty("headless", true);
        JsonArray args = new JsonArray();
        CHROMIUM_FLAGS.forEach(args::add);
        extraArgs.forEach(args::add);
        launch.add("args", args);
        if (executableOnServer != null) {
            launch.addProperty("executablePath", executableOnServer.toString());
        }
        BrowserType.ConnectOptions options = new BrowserType.ConnectOptions()
                .setHeaders(Map.of(LAUNCH_OPTIONS_HEADER, launch.toString()))
                .setTimeout(timeout.toMillis());
        try {
            return playwright.chromium().connect(endpoint.toString(), options);
        } catch (PlaywrightException e) {
            throw new BrowserSetupException(
                    RemoteErrors.playwrightServer(
                            RemoteEndpoints.redacted(endpoint), e.getMessage(), PlaywrightDriver.version(), timeout),
                    e);
        }
    }

    /**
     * Launches Chromium on a Selenium Grid 4 through Playwright's (experimental) Selenium Grid support: the
     * {@code playwright} must have been created with {@code SELENIUM_REMOTE_URL} in its driver environment
     * ({@link #seleniumGridEnvironment}). The grid's node starts Chromium through its chromedriver with
     * {@link #CHROMIUM_FLAGS} plus {@code extraArgs}; Playwright then drives it over the grid's CDP proxy
     * ({@code se:cdp}). Which binary runs is the node's choice (its stereotype), not ours.
     *
     * @throws BrowserSetupException naming the grid (without credentials), the cause and the fix
     */
    public static Browser launchChromiumOnSeleniumGrid(
            Playwright playwright, URI grid, List<String> extraArgs, Duration timeout) {
        List<String> args = new ArrayList<>(CHROMIUM_FLAGS);
        args.addAll(extraArgs);
        BrowserType.LaunchOptions options =
                new BrowserType.LaunchOptions().setHeadless(true).setArgs(args).setTimeout(timeout.toMillis());
        try {
            return playwright.chromium().launch(options);
        } catch (PlaywrightException e) {
            throw new BrowserSetupException(
                    RemoteErrors.seleniumGrid(RemoteEndpoints.redacted(grid), e.getMessage(), timeout), e);
        }
    }

    /**
     * Playwright for Java (1.62, {@code Driver.ensureDriverInstalled}) keeps one driver per JVM and gives every driver
     * process the environment of the <em>first</em> {@code Playwright.create()}: a later {@code CreateOptions.env} is
     * ignored. So {@code SELENIUM_REMOTE_URL} only reaches the driver if the first Playwright of the JVM had it, and
     * then every later launch of that JVM goes to the grid too. Refuse the mix with a message instead of launching
     * the wrong browser.
     */
    private static synchronized void checkSameDriverEnvironment(Map<String, String> extraDriverEnvironment) {
        String grid = extraDriverEnvironment.getOrDefault(SELENIUM_REMOTE_URL, "");
        if (firstSeleniumRemoteUrl == null) {
            firstSeleniumRemoteUrl = grid;
            return;
        }
        if (!firstSeleniumRemoteUrl.equals(grid)) {
            throw new BrowserSetupException(
                    grid.isEmpty()
                            ? "This JVM's Playwright driver was started for a Selenium Grid, so a local launch would go to the"
                                    + " grid as well (Playwright for Java fixes the driver's environment at the first"
                                    + " Playwright of a JVM). Launch the local browser in a fresh JVM."
                            : "This JVM already started Playwright's driver "
                                    + (firstSeleniumRemoteUrl.isEmpty()
                                            ? "without a Selenium Grid"
                                            : "for another Selenium Grid")
                                    + ", and Playwright for Java"
                                    + " fixes the driver's environment (SELENIUM_REMOTE_URL) at the first Playwright of a JVM."
                                    + " Run the grid run in a fresh JVM, as 'authbench run --selenium-grid=…' does.");
        }
    }

    /** The driver environment that makes {@code chromium().launch()} go to {@code grid}. */
    public static Map<String, String> seleniumGridEnvironment(URI grid) {
        return Map.of(SELENIUM_REMOTE_URL, grid.toString());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root == e || root.getMessage() == null ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
        return PlaywrightErrors.summarize(message);
    }
}
