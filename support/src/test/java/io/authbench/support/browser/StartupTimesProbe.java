package io.authbench.support.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * Not a test: measures Playwright start-up in this (fresh) JVM for the table in support/README.md. Run once per
 * JVM, since Playwright keeps one driver per JVM:
 *
 * <pre>
 * java -cp CLASSPATH io.authbench.support.browser.StartupTimesProbe cached      # Browsers.createPlaywright()
 * java -cp CLASSPATH io.authbench.support.browser.StartupTimesProbe playwright  # Playwright's own per-JVM extraction
 * </pre>
 *
 * Prints {@code mode create_ms launch_ms close_ms create_cpu_ms}; the last is this thread's CPU time in create(), where
 * any extraction happens, and is far less sensitive to other load on the machine than the wall times.
 */
public final class StartupTimesProbe {
    public static void main(String[] args) {
        String mode = args[0];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Playwright playwright = switch (mode) {
            case "cached" -> Browsers.createPlaywright();
            // What Playwright does without AuthBench: DriverJar copies driver/package into a new temp folder.
            case "playwright" -> Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                    "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                    "PLAYWRIGHT_NODEJS_PATH", NodeJs.locate(18).path().toString())));
            default -> throw new IllegalArgumentException("mode is 'cached' or 'playwright', not " + mode);
        };
        long created = System.nanoTime();
        long createCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        Browser browser = Browsers.launchChromium(playwright, LaunchSettings.defaults());
        long launched = System.nanoTime();
        browser.close();
        playwright.close();
        long closed = System.nanoTime();
        System.out.printf("%s %d %d %d %d%n", mode, (created - start) / 1_000_000, (launched - created) / 1_000_000,
                (closed - launched) / 1_000_000, createCpu / 1_000_000);
    }

    private StartupTimesProbe() {
    }
}
