package io.authbench.csr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.authbench.support.process.ServerProcess;
import io.authbench.testsupport.appwrite.MisbehavingAppwrite;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Appwrite unreachable, silent or answering garbage: the page shows {@code [data-testid=upstream-error]} with a
 * sentence, within the app's upstream timeout (5 s by default), never a hung page or a stack trace. The browser
 * comes from {@link BrowserExtension}: an unexpected console error or a dialog fails a test.
 */
@ExtendWith(BrowserExtension.class)
class CsrUpstreamFailureBrowserTest {
    private static final Path LOGS = Path.of("target", "browser-test-logs", "CsrUpstreamFailureBrowserTest");
    /**
     * The app gives up after its upstream timeout; the assertion proves the page does not hang, with room for a
     * slow, shared machine on top (a bound, not a performance threshold).
     */
    private static final LocatorAssertions.IsVisibleOptions WITHIN_TIMEOUT =
            new LocatorAssertions.IsVisibleOptions().setTimeout(BrowserExtension.PATIENCE.toMillis());

    private static final String CONNECTION_REFUSED = "Failed to load resource: net::ERR_CONNECTION_REFUSED";

    @Test
    void with_the_emulator_stopped_login_and_page_loads_show_the_upstream_error(Page page, PageWatch watch) {
        Path keyFile = Servers.writeApiKeyFile(LOGS);
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(401)); // a guest's account.get()
        watch.expectConsoleError(CONNECTION_REFUSED);
        try (ServerProcess emulator = Servers.startEmulator("emulator-to-stop", keyFile, LOGS);
                ServerProcess app =
                        Servers.startCsrApp("csr-app-emulator-stopped", Servers.onLocalhost(emulator.url()), LOGS)) {
            URI appUrl = Servers.withHost(app.url(), "localhost");
            page.navigate(appUrl + "/login");
            assertThat(page.getByTestId("login-form")).isVisible();

            emulator.close();
            page.locator("input[name=email]").fill("nobody@example.com");
            page.locator("input[name=password]").fill("whatever-password");
            page.getByTestId("login-submit").click();

            assertThat(page.getByTestId("upstream-error")).isVisible(WITHIN_TIMEOUT);
            assertThat(page.getByTestId("upstream-error")).hasText(Pattern.compile("Appwrite could not be reached"));
            assertThat(page.getByTestId("login-form")).isVisible();

            page.navigate(appUrl + "/dashboard");
            assertThat(page.getByTestId("upstream-error")).isVisible(WITHIN_TIMEOUT);
            assertThat(page.getByTestId("upstream-error")).hasText(Pattern.compile("Appwrite could not be reached"));
        }
    }

    @Test
    void an_appwrite_that_never_answers_shows_the_upstream_error_after_the_timeout_chosen_at_start(Page page) {
        try (MisbehavingAppwrite silent = new MisbehavingAppwrite(MisbehavingAppwrite.Behaviour.SILENT);
                ServerProcess app = Servers.startCsrApp(
                        "csr-app-silent-upstream", silent.endpoint(), LOGS, "--upstream-timeout", "1500ms")) {
            page.navigate(Servers.withHost(app.url(), "localhost") + "/dashboard");

            assertThat(page.getByTestId("upstream-error")).isVisible(WITHIN_TIMEOUT);
            // The sentence names the flag's value: the page took its timeout from the runtime config.
            assertThat(page.getByTestId("upstream-error"))
                    .hasText(Pattern.compile("did not answer within 1.5 seconds"));
        }
    }

    @Test
    void an_appwrite_that_answers_garbage_shows_the_upstream_error(Page page) {
        try (MisbehavingAppwrite garbage = new MisbehavingAppwrite(MisbehavingAppwrite.Behaviour.NOT_JSON);
                ServerProcess app = Servers.startCsrApp("csr-app-garbage-upstream", garbage.endpoint(), LOGS)) {
            page.navigate(Servers.withHost(app.url(), "localhost") + "/dashboard");

            assertThat(page.getByTestId("upstream-error")).isVisible(WITHIN_TIMEOUT);
            assertThat(page.getByTestId("upstream-error")).hasText(Pattern.compile("could not understand"));
            assertThat(page.content()).doesNotContain("SyntaxError").doesNotContain("502 Bad Gateway");
        }
    }
}
