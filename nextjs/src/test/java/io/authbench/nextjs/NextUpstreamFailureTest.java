package io.authbench.nextjs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appwrite going away under signed-in users: both apps show {@code [data-testid=upstream-error]} with a sentence,
 * not an exception, and keep running. One emulator for both apps, stopped halfway. Browser from
 * {@link BrowserExtension}: the pages' console errors are the expected ones only, and no dialog opens.
 */
@ExtendWith(BrowserExtension.class)
class NextUpstreamFailureTest {
    private static final String PASSWORD = "password123";

    @TempDir
    static Path dir;

    static Backend backend;
    static NextProcess ssr;
    static NextProcess csr;

    @BeforeAll
    static void startEverything() throws Exception {
        backend = Backend.start(dir);
        backend.createUser("ann@example.com", PASSWORD, "Ann Example");
        Map<String, String> timeout = Map.of("UPSTREAM_TIMEOUT_MS", "15000");
        ssr = NextProcess.start(
                TargetJson.of("ssr"),
                backend.endpoint(),
                Backend.PROJECT,
                backend.apiKey,
                dir.resolve("logs"),
                timeout);
        csr = NextProcess.start(
                TargetJson.of("csr"),
                backend.endpoint(),
                Backend.PROJECT,
                backend.apiKey,
                dir.resolve("logs"),
                timeout);
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable resource : new AutoCloseable[] {ssr, csr, backend}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                System.err.println("could not close " + resource + ": " + e);
            }
        }
    }

    private static Page signedIn(BrowserContext context, NextProcess app) {
        Page page = context.newPage();
        page.navigate(app.url("/login").toString());
        page.locator("[data-testid=login-form] input[name=email]").fill("ann@example.com");
        page.locator("[data-testid=login-form] input[name=password]").fill(PASSWORD);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("user-name")).hasText("Ann Example");
        return page;
    }

    @Test
    void with_appwrite_gone_both_apps_say_so_on_the_page(BrowserContext context, PageWatch watch) {
        Page ssrPage = signedIn(context, ssr);
        Page csrPage = signedIn(context, csr);

        backend.close(); // Appwrite is gone: connections are refused from now on
        // What the pages may then make Chromium log: the SSR error page's 502 (unreachable), the CSR page's refused
        // account.get().
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(502));
        watch.expectConsoleError("net::ERR_CONNECTION_REFUSED");

        ssrPage.reload();
        assertThat(ssrPage.getByTestId("upstream-error"))
                .hasText("Appwrite could not be reached. Check the connection and try again.");
        csrPage.reload();
        assertThat(csrPage.getByTestId("upstream-error"))
                .hasText("Appwrite could not be reached. Check the connection and try again.");
        assertThat(ssrPage.content()).doesNotContain("TypeError").doesNotContain("fetch failed");
        assertThat(ssr.isAlive()).isTrue();
        assertThat(csr.isAlive()).isTrue();
        assertThat(ssr.logs())
                .contains("next-ssr: Appwrite call failed: unreachable: account.get")
                .doesNotContain(backend.apiKey);
    }
}
