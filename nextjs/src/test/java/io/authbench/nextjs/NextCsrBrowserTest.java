package io.authbench.nextjs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * nextjs/csr built by {@code next build} (without any Appwrite setting), started by {@code next start} from its
 * target file, against the real emulator, in headless Chromium: the Web SDK in the page signs in. After each test:
 * no unexpected console error (a guest's {@code account.get()} 401 is expected), no dialog, the API key in no
 * response the browser received. Browser and contexts from {@link BrowserExtension}.
 */
@ExtendWith(BrowserExtension.class)
class NextCsrBrowserTest {
    private static final String PASSWORD = "password123";
    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;

    static TargetJson target;
    static Backend backend;
    static NextProcess app;

    PageWatch watch;
    Page page;

    @BeforeAll
    static void startEverything() throws Exception {
        target = TargetJson.of("csr");
        backend = Backend.start(dir);
        backend.createUser("ann@example.com", PASSWORD, "Ann Example");
        backend.createUser("mallory@example.com", PASSWORD, MARKUP_NAME);
        app = NextProcess.start(
                target,
                backend.endpoint(),
                Backend.PROJECT,
                backend.apiKey,
                dir.resolve("logs"),
                Map.of("UPSTREAM_TIMEOUT_MS", "15000"));
    }

    @AfterAll
    static void stopEverything() {
        if (app != null) {
            app.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void takeTheTestsPage(Page testPage, PageWatch testWatch) {
        page = testPage;
        watch = testWatch;
        // What Chromium logs for a guest's account.get() and a wrong password: 401 is Appwrite's expected answer.
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(401));
    }

    // Before the extension's own check (no unexpected console error, no dialog) and the contexts' close.
    @AfterEach
    void theApiKeyReachedNoBrowser() {
        watch.assertNoResponseContains("the API key", backend.apiKey);
        assertThat(watch.received())
                .as("responses the browser received")
                .anySatisfy(r -> assertThat(r.body()).startsWith("<!DOCTYPE html>"));
        assertThat(app.isAlive()).as("next start still running").isTrue();
    }

    private void signIn(String email, String password) {
        page.navigate(app.url("/login").toString());
        page.locator(target.selector("email")).fill(email);
        page.locator(target.selector("password")).fill(password);
        page.locator(target.selector("submit")).click(); // waits until hydration enabled the button
    }

    @Test
    void sign_in_in_the_browser_paints_the_name_and_reports_it_through_element_timing() {
        Response session = page.waitForResponse(
                r -> r.url().endsWith("/v1/account/sessions/email"), () -> signIn("ann@example.com", PASSWORD));

        assertThat(session.status()).isEqualTo(201);
        page.waitForURL("**/dashboard");
        assertThat(page.locator(target.selector("userName"))).hasText("Ann Example");
        assertThat(page.getByTestId("user-email")).hasText("ann@example.com");
        assertThat(page.getByTestId("user-created")).hasText(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
        Object identifier = page.evaluate("""
                () => new Promise(resolve => {
                  new PerformanceObserver(list => {
                    const entry = list.getEntries().find(e => e.identifier === 'user-name');
                    if (entry) resolve(entry.identifier);
                  }).observe({type: 'element', buffered: true});
                  setTimeout(() => resolve(null), 5000);
                })""");
        assertThat(identifier).isEqualTo("user-name");
    }

    @Test
    void the_server_rendered_html_holds_no_user_data_and_the_name_comes_from_the_browser() {
        signIn("ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        Response reload = page.reload();

        assertThat(reload.text()).doesNotContain("Ann Example").doesNotContain("ann@example.com");
        assertThat(page.locator(target.selector("userName"))).hasText("Ann Example");
    }

    @Test
    void the_appwrite_endpoint_reaches_the_page_at_run_time() {
        // The build ran without any Appwrite setting; the page must still name the emulator started just now.
        Response login = page.navigate(app.url("/login").toString());
        URI emulator = backend.endpoint();
        String origin = emulator.getScheme() + "://" + emulator.getHost() + ":" + emulator.getPort();

        assertThat(login.headerValue("content-security-policy"))
                .contains("connect-src 'self' " + origin)
                .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'")
                .doesNotContain("unsafe-eval")
                .doesNotContain("unsafe-inline");
        assertThat(login.text()).contains(emulator.toString()); // the runtime config in the page
    }

    @Test
    void wrong_password_shows_the_login_error_and_creates_no_session() {
        String userId = backend.createUser("careful@example.com", PASSWORD, "Careful User");

        signIn("careful@example.com", "not-the-password");

        assertThat(page.getByTestId("login-error")).hasText("Invalid email or password.");
        assertThat(page.locator(target.selector("loginHeading"))).hasText("Sign in");
        assertThat(backend.sessionCount(userId)).isZero();
    }

    @Test
    void guarded_pages_send_a_guest_to_the_login_form() {
        for (String path : List.of("/dashboard", "/profile", "/")) {
            page.navigate(app.url(path).toString());
            page.waitForURL("**/login");
            assertThat(page.locator(target.selector("loginHeading"))).hasText("Sign in");
        }
        assertThat(page.locator(target.selector("userName"))).hasCount(0);
    }

    @Test
    void logout_deletes_the_session_at_appwrite_and_guards_the_dashboard_again() {
        String userId = backend.createUser("leaving@example.com", PASSWORD, "Leaving Soon");
        signIn("leaving@example.com", PASSWORD);
        page.waitForURL("**/dashboard");
        assertThat(page.locator(target.selector("userName"))).hasText("Leaving Soon");
        assertThat(backend.sessionCount(userId)).isEqualTo(1);

        page.locator(target.selector("logout")).click();

        page.waitForURL("**/login");
        assertThat(backend.sessionCount(userId)).isZero();
        page.navigate(app.url("/dashboard").toString());
        page.waitForURL("**/login");
    }

    @Test
    void the_profile_link_moves_without_a_page_load_or_another_appwrite_call() {
        signIn("ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");
        assertThat(page.locator(target.selector("userName"))).hasText("Ann Example");
        page.evaluate("() => { window.__sameDocument = true; }");
        long accountCallsBefore = watch.received().stream()
                .filter(r -> r.url().endsWith("/v1/account"))
                .count();

        page.locator(target.selector("profileLink")).click();

        page.waitForURL("**/profile");
        assertThat(page.locator(target.selector("profileName"))).hasText("Ann Example");
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
        assertThat(watch.received().stream()
                        .filter(r -> r.url().endsWith("/v1/account"))
                        .count())
                .isEqualTo(accountCallsBefore);
    }

    @Test
    void a_name_made_of_markup_is_shown_as_literal_text() {
        signIn("mallory@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        assertThat(page.locator(target.selector("userName"))).hasText(MARKUP_NAME);
        assertThat(page.locator("img")).hasCount(0);
        page.locator(target.selector("profileLink")).click();
        assertThat(page.locator(target.selector("profileName"))).hasText(MARKUP_NAME);
        assertThat(page.locator("img")).hasCount(0);
    }
}
