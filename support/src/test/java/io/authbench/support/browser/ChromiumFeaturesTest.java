package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real driver, real Chromium: our --disable-features keeps Playwright's list and removes the unused renderers.
 * The browser is launched here with the code under test, not with test-support's BrowserExtension, which is built
 * on this module.
 */
class ChromiumFeaturesTest {
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        playwright = Browsers.createPlaywright();
        browser = Browsers.launchChromium(playwright, LaunchSettings.defaults());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void every_feature_the_playwright_driver_disables_is_still_disabled_by_our_switch() throws IOException {
        // Chromium keeps the last --disable-features only, so ours must repeat the driver's whole list.
        Path bundle = Path.of(System.getProperty(Browsers.DRIVER_DIR_PROPERTY), "package", "lib", "coreBundle.js");
        List<String> driverList = driverDisabledFeatures(Files.readString(bundle));

        assertThat(driverList)
                .as("the driver's disabledFeatures list in " + bundle)
                .isNotEmpty();
        assertThat(ChromiumFeatures.disabled()).containsAll(driverList);
        assertThat(Browsers.CHROMIUM_FLAGS)
                .filteredOn(f -> f.startsWith("--disable-features="))
                .hasSize(1);
    }

    @Test
    void a_new_context_with_one_page_costs_one_renderer_and_no_browser_ui_page() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate("data:text/html,<h1>one page</h1>");
            page.waitForTimeout(300); // a spare renderer would be started right after the navigation commits

            CDPSession session = browser.newBrowserCDPSession();
            List<String> targetTypes = new ArrayList<>();
            for (JsonElement target : session.send("Target.getTargets").getAsJsonArray("targetInfos")) {
                JsonObject info = target.getAsJsonObject();
                targetTypes.add(
                        info.get("type").getAsString() + " " + info.get("url").getAsString());
            }
            session.detach();

            assertThat(targetTypes).noneMatch(t -> t.startsWith("browser_ui"));
            assertThat(rendererProcesses())
                    .as("renderer processes of our Chromium")
                    .hasSize(1);
        }
    }

    /**
     * Renderer processes below this JVM (driver → Chromium → zygote → renderers). Read from /proc: Chromium rewrites
     * its children's argv as one string, which {@code ProcessHandle.Info} cuts at the first space.
     */
    private static List<String> rendererProcesses() {
        return ProcessHandle.current()
                .descendants()
                .map(p -> commandLine(p.pid()))
                .filter(cmd -> cmd.contains("--type=renderer"))
                .toList();
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
                    .replace('\0', ' ');
        } catch (IOException e) {
            return ""; // exited meanwhile
        }
    }

    /** The quoted names of the driver's {@code disabledFeatures = [ ... ]} array, comments skipped. */
    static List<String> driverDisabledFeatures(String source) {
        int start = source.indexOf("disabledFeatures = [");
        if (start < 0) {
            return List.of();
        }
        int end = source.indexOf(']', start);
        List<String> names = new ArrayList<>();
        for (String line : source.substring(start, end).split("\n")) {
            String code = line.strip();
            if (code.startsWith("//")) {
                continue;
            }
            Matcher m = Pattern.compile("\"([A-Za-z0-9]+)\"").matcher(code);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
