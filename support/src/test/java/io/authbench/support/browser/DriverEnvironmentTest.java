package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Playwright;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Playwright for Java gives its driver the environment of the first Playwright of a JVM; a grid after a local
 * Playwright (or the reverse) must be refused with the reason, not launch the wrong browser.
 */
class DriverEnvironmentTest {

    @Test
    void a_grid_playwright_after_a_local_one_in_the_same_jvm_is_refused_with_the_reason() {
        try (Playwright local = Browsers.createPlaywright()) {
            // the first Playwright of this JVM (or a later one: every other support test creates local ones)
        }
        assertThatThrownBy(() -> Browsers.createPlaywright(
                        Browsers.seleniumGridEnvironment(URI.create("http://user:s3cret@127.0.0.1:4444"))))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessageStartingWith("This JVM already started Playwright's driver without a Selenium Grid")
                .hasMessageContaining("fresh JVM")
                .hasMessageNotContaining("s3cret");
    }
}
