package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Playwright driver on the machine's node, real Chromium. One Playwright and one Browser per class (by cost). */
class BrowsersTest {
    private static Playwright playwright;
    private static Browser browser;

    @TempDir
    Path dir;

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
    void chromium_renders_a_page_and_the_dom_can_be_read() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setContent("<h1 data-testid='user-name'>Ada &lt;Lovelace&gt;</h1>"
                    + "<script>document.title = 'answer ' + (40 + 2);</script>");

            assertThat(page.getByTestId("user-name").textContent()).isEqualTo("Ada <Lovelace>");
            assertThat(page.title()).isEqualTo("answer 42");
            assertThat((String) page.evaluate("navigator.userAgent")).contains("HeadlessChrome");
        }
    }

    @Test
    void playwright_runs_from_the_cached_driver_and_a_second_create_does_not_extract_again() throws IOException {
        Path driverDir = Path.of(System.getProperty(Browsers.DRIVER_DIR_PROPERTY));
        assertThat(DriverCache.isComplete(driverDir)).isTrue();
        assertThat(driverDir.getFileName().toString()).isEqualTo("playwright-driver-" + PlaywrightDriver.version());
        Object extraction = Files.readAttributes(driverDir.resolve("package/cli.js"), BasicFileAttributes.class)
                .fileKey();

        try (Playwright second = Browsers.createPlaywright()) {
            assertThat(System.getProperty(Browsers.DRIVER_DIR_PROPERTY)).isEqualTo(driverDir.toString());
            assertThat(Files.readAttributes(driverDir.resolve("package/cli.js"), BasicFileAttributes.class)
                            .fileKey())
                    .isEqualTo(extraction);
            assertThat(second.chromium().name()).isEqualTo("chromium");
        }
    }

    @Test
    void browser_that_fails_to_start_is_reported_with_its_path_and_cause() throws IOException {
        Path broken = Scripts.executable(
                dir, "broken-chrome", "echo 'libnss3.so: cannot open shared object file' >&2; exit 127");
        LaunchSettings settings = LaunchSettings.defaults().withExecutable(broken);

        assertThatThrownBy(() -> Browsers.launchChromium(playwright, settings))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessageStartingWith("Chromium at " + broken + " failed to launch: ")
                .hasMessageContaining("exited with code 127")
                .hasMessageContaining("libnss3.so: cannot open shared object file")
                .hasMessageContaining("-Dauthbench.browser");
    }

    @Test
    void extra_flags_are_passed_to_chromium() {
        LaunchSettings settings = LaunchSettings.defaults().withExtraArgs(List.of("--window-size=640,480"));
        try (Browser sized = Browsers.launchChromium(playwright, settings);
                BrowserContext context = sized.newContext(new Browser.NewContextOptions().setViewportSize(null))) {
            Page page = context.newPage();
            // Without a Playwright viewport the page takes the window size the flag asked for.
            assertThat(page.evaluate("window.outerWidth")).isEqualTo(640);
        }
    }
}
