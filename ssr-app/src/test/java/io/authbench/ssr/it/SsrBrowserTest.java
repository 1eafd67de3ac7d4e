package io.authbench.ssr.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.sun.net.httpserver.HttpServer;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import io.authbench.testsupport.browser.WatchedContexts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSR app in headless Chromium against the real emulator: one Playwright and Browser for the class, a fresh
 * context (empty cookie jar) per test ({@link BrowserExtension}). Console errors and dialogs fail a test unless it
 * expects them; every response the browser received is checked for the API key.
 */
@ExtendWith(BrowserExtension.class)
class SsrBrowserTest {
    private static final String PASSWORD = "password123";
    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;

    static TestStack stack;

    // The test's own, from the extension.
    BrowserContext context;
    Page page;
    PageWatch watch;

    @BeforeAll
    static void startEverything() throws Exception {
        stack = TestStack.start(dir, "--upstream-timeout", "15s"); // behaviour, not speed, is under test
        stack.createUser("ann@example.com", PASSWORD, "Ann Example");
        stack.createUser("mallory@example.com", PASSWORD, MARKUP_NAME);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void takeTheTestsContext(BrowserContext testContext, Page testPage, PageWatch testWatch) {
        context = testContext;
        page = testPage;
        watch = testWatch;
    }

    // Before the extension's own check (no unexpected console error, no dialog) and the contexts' close.
    @AfterEach
    void theApiKeyReachedNoBrowser() {
        watch.assertNoResponseContains("the API key", stack.apiKey);
        // Proof the capture works: the pages' HTML was read, so the check above had something to look at.
        assertThat(watch.received())
                .as("responses the browser received")
                .anySatisfy(r -> assertThat(r.body()).contains("<!doctype html>"));
    }

    private void signIn(Page on, String email, String password) {
        on.navigate(stack.appUrl("/login").toString());
        on.locator("input[name=email]").fill(email);
        on.locator("input[name=password]").fill(password);
        on.getByTestId("login-submit").click();
    }

    private Optional<Cookie> sessionCookie() {
        return context.cookies(stack.appUrl().toString()).stream()
                .filter(c -> c.name.equals("authbench_session"))
                .findFirst();
    }

    @Test
    void login_paints_the_user_name_and_reports_it_through_element_timing() {
        signIn(page, "ann@example.com", PASSWORD);

        page.waitForURL("**/dashboard");
        assertThat(page.getByTestId("user-name")).hasText("Ann Example");
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
    void the_session_cookie_is_httponly_lax_host_wide_and_lives_as_long_as_the_session() {
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        Cookie cookie = sessionCookie().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(cookie.path).isEqualTo("/");
        assertThat(cookie.secure).isFalse(); // plain http; --secure-cookies auto
        assertThat(Instant.ofEpochSecond(cookie.expires.longValue()))
                .isAfter(Instant.now().plus(360, ChronoUnit.DAYS));
        assertThat(page.evaluate("() => document.cookie")).isEqualTo(""); // invisible to page scripts
    }

    @Test
    void wrong_password_shows_an_error_and_creates_no_session() {
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(401));

        signIn(page, "ann@example.com", "not-the-password");

        assertThat(page.getByTestId("login-error")).hasText("Invalid email or password.");
        assertThat(page.getByTestId("login-form")).isVisible();
        assertThat(sessionCookie()).isEmpty();
    }

    @Test
    void the_dashboard_without_a_session_shows_the_login_form() {
        page.navigate(stack.appUrl("/dashboard").toString());

        page.waitForURL("**/login");
        assertThat(page.getByTestId("login-heading")).hasText("Sign in");
    }

    @Test
    void logout_ends_the_session_and_guards_the_dashboard_again() {
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        page.getByTestId("logout").click();

        page.waitForURL("**/login");
        assertThat(page.getByTestId("login-form")).isVisible();
        assertThat(sessionCookie()).isEmpty();
        page.navigate(stack.appUrl("/dashboard").toString());
        page.waitForURL("**/login");
    }

    @Test
    void the_profile_link_leads_to_the_same_users_profile() {
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        page.getByTestId("profile-link").click();

        page.waitForURL("**/profile");
        assertThat(page.getByTestId("profile-name")).hasText("Ann Example");
        assertThat(page.getByTestId("user-email")).hasText("ann@example.com");
        page.getByTestId("dashboard-link").click();
        assertThat(page.getByTestId("user-name")).hasText("Ann Example");
    }

    @Test
    void a_new_page_in_the_same_context_stays_signed_in() {
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        Page second = context.newPage();
        second.navigate(stack.appUrl("/dashboard").toString());

        assertThat(second.getByTestId("user-name")).hasText("Ann Example");
    }

    @Test
    void a_name_made_of_markup_is_shown_as_literal_text() {
        signIn(page, "mallory@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        assertThat(page.getByTestId("user-name")).hasText(MARKUP_NAME);
        assertThat(page.locator("[data-testid=user-name] img")).hasCount(0);
        assertThat(page.locator("img")).hasCount(0);
        page.getByTestId("profile-link").click();
        assertThat(page.getByTestId("profile-name")).hasText(MARKUP_NAME);
    }

    @Test
    void with_javascript_disabled_the_dashboard_html_contains_the_name(WatchedContexts contexts) {
        Page noScriptPage = contexts.open(new Browser.NewContextOptions().setJavaScriptEnabled(false))
                .newPage();
        signIn(noScriptPage, "ann@example.com", PASSWORD); // a plain form post: no script involved
        noScriptPage.waitForURL("**/dashboard");

        Response dashboard = noScriptPage.navigate(stack.appUrl("/dashboard").toString());

        assertThat(dashboard.text())
                .contains("<h1 data-testid=\"user-name\" elementtiming=\"user-name\">Ann Example</h1>");
        assertThat(noScriptPage.getByTestId("user-name")).hasText("Ann Example");
    }

    @Test
    void a_form_posted_from_another_site_is_refused() throws Exception {
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(403));
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");
        // An attacker's page on another site (127.0.0.1 is a different site from localhost) with forms aimed at the
        // app.
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String forms = """
                <!doctype html><title>attacker</title>
                <form id="logout" method="post" action="%1$s/logout"><button>win a prize</button></form>
                <form id="login" method="post" action="%1$s/login">
                  <input name="email" value="mallory@example.com"><input name="password" value="%2$s">
                  <button>log in as someone else</button></form>""".formatted(stack.appUrl(), PASSWORD);
        attacker.createContext("/", exchange -> {
            byte[] body = forms.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
        try {
            String attackerUrl = "http://127.0.0.1:" + attacker.getAddress().getPort() + "/";
            // One page for both forms, left open: closing a page while Chromium still fetches the 403 page's
            // favicon can make Playwright deliver that request's end for a page it already disposed.
            Page evil = context.newPage();
            for (String form : List.of("#logout button", "#login button")) {
                evil.navigate(attackerUrl);
                Response refused = evil.waitForResponse(
                        r -> r.request().method().equals("POST"),
                        () -> evil.locator(form).click());
                assertThat(refused.status()).isEqualTo(403);
            }
        } finally {
            attacker.stop(0);
        }

        page.reload();
        assertThat(page.getByTestId("user-name")).hasText("Ann Example"); // neither logged out nor switched user
    }
}
