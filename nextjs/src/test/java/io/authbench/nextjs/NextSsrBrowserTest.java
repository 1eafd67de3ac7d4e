package io.authbench.nextjs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.sun.net.httpserver.HttpServer;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
 * nextjs/ssr built by {@code next build}, started by {@code next start} from its target file, against the real
 * emulator, in headless Chromium. A fresh browser context per test ({@link BrowserExtension}); after each test: no
 * console error (a CSP violation is one) unless expected, no dialog, the API key in no response and the session
 * secret in no body.
 */
@ExtendWith(BrowserExtension.class)
class NextSsrBrowserTest {
    private static final String PASSWORD = "password123";
    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";
    private static final Pattern SERVER_TIMING_ENTRY = Pattern.compile("aw-[a-z-]+;dur=\\d+(\\.\\d+)?");

    @TempDir
    static Path dir;

    static TargetJson target;
    static Backend backend;
    static NextProcess app;

    BrowserContext context;
    PageWatch watch;
    Page page;

    @BeforeAll
    static void startEverything() throws Exception {
        target = TargetJson.of("ssr");
        backend = Backend.start(dir);
        backend.createUser("ann@example.com", PASSWORD, "Ann Example");
        backend.createUser("mallory@example.com", PASSWORD, MARKUP_NAME);
        // Behaviour, not speed, is under test: a generous bound on each Appwrite call on a loaded machine.
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
    void takeTheTestsContext(BrowserContext testContext, Page testPage, PageWatch testWatch) {
        context = testContext;
        page = testPage;
        watch = testWatch;
    }

    // Before the extension's own check (no unexpected console error, no dialog) and the contexts' close.
    @AfterEach
    void noSecretReachedTheBrowser() {
        watch.assertNoResponseContains("the API key", backend.apiKey);
        sessionCookie().ifPresent(cookie -> watch.assertNoBodyContains("the session secret", cookie.value));
        assertThat(watch.received())
                .as("responses the browser received")
                .anySatisfy(r -> assertThat(r.body()).startsWith("<!DOCTYPE html>"));
        assertThat(app.isAlive()).as("next start still running").isTrue();
    }

    private Response signIn(Page on, String email, String password) {
        on.navigate(app.url("/login").toString());
        on.locator(target.selector("email")).fill(email);
        on.locator(target.selector("password")).fill(password);
        return on.waitForResponse(
                r -> r.url().endsWith("/api/login"),
                () -> on.locator(target.selector("submit")).click());
    }

    private Optional<Cookie> sessionCookie() {
        return context.cookies(app.url("/").toString()).stream()
                .filter(c -> c.name.equals(target.sessionCookie().orElseThrow()))
                .findFirst();
    }

    private static String serverTiming(Response response) {
        return Optional.ofNullable(response.headerValue("server-timing")).orElse("");
    }

    @Test
    void sign_in_paints_the_name_from_the_server_and_times_both_appwrite_calls() {
        Response[] login = new Response[1];
        Response dashboard = page.waitForResponse(
                r -> r.url().endsWith("/dashboard"), () -> login[0] = signIn(page, "ann@example.com", PASSWORD));

        assertThat(login[0].status()).isEqualTo(303);
        assertThat(serverTiming(login[0])).matches("aw-create-session;dur=\\d+\\.\\d+");
        assertThat(serverTiming(dashboard)).matches("aw-get-account;dur=\\d+\\.\\d+");
        page.waitForURL("**/dashboard");
        assertThat(dashboard.text())
                .contains("<h1 data-testid=\"user-name\" elementtiming=\"user-name\">Ann Example</h1>");
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
    void the_session_cookie_is_httponly_lax_host_wide_and_lives_as_long_as_the_session() {
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        Cookie cookie = sessionCookie().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(cookie.path).isEqualTo("/");
        assertThat(cookie.secure).isFalse(); // plain http
        assertThat(Instant.ofEpochSecond(cookie.expires.longValue()))
                .isAfter(Instant.now().plus(360, ChronoUnit.DAYS));
        assertThat(page.evaluate("() => document.cookie")).isEqualTo(""); // invisible to page scripts
    }

    @Test
    void wrong_password_shows_the_login_error_and_sets_no_cookie() {
        signIn(page, "ann@example.com", "not-the-password");

        page.waitForURL("**/login?error=invalid");
        assertThat(page.getByTestId("login-error")).hasText("Invalid email or password.");
        assertThat(page.getByTestId("login-form")).isVisible();
        assertThat(sessionCookie()).isEmpty();
    }

    @Test
    void guarded_pages_send_a_guest_to_the_login_form() {
        for (String path : List.of("/dashboard", "/profile", "/")) {
            page.navigate(app.url(path).toString());
            page.waitForURL("**/login");
            assertThat(page.locator(target.selector("loginHeading"))).hasText("Sign in");
        }
    }

    @Test
    void a_forged_cookie_is_cleared_and_leads_to_the_login_form() {
        context.addCookies(List.of(new Cookie("authbench_session", "bm90LWEtc2Vzc2lvbg==")
                .setUrl(app.url("/").toString())));

        page.navigate(app.url("/dashboard").toString());

        page.waitForURL("**/login");
        assertThat(sessionCookie()).isEmpty();
    }

    @Test
    void logout_deletes_the_session_at_appwrite_and_guards_the_dashboard_again() {
        String userId = backend.createUser("leaving@example.com", PASSWORD, "Leaving Soon");
        signIn(page, "leaving@example.com", PASSWORD);
        page.waitForURL("**/dashboard");
        assertThat(backend.sessionCount(userId)).isEqualTo(1);

        Response logout = page.waitForResponse(
                r -> r.url().endsWith("/logout"),
                () -> page.locator(target.selector("logout")).click());

        assertThat(serverTiming(logout)).matches("aw-delete-session;dur=\\d+\\.\\d+");
        page.waitForURL("**/login");
        assertThat(sessionCookie()).isEmpty();
        assertThat(backend.sessionCount(userId)).isZero();
        page.navigate(app.url("/dashboard").toString());
        page.waitForURL("**/login");
    }

    @Test
    void the_profile_link_renders_the_same_user_on_the_server() {
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        Response profile = page.waitForResponse(
                r -> r.url().endsWith("/profile"),
                () -> page.locator(target.selector("profileLink")).click());

        assertThat(serverTiming(profile)).matches(SERVER_TIMING_ENTRY).startsWith("aw-get-account;");
        assertThat(page.locator(target.selector("profileName"))).hasText("Ann Example");
        assertThat(page.getByTestId("user-email")).hasText("ann@example.com");
        page.getByTestId("dashboard-link").click();
        assertThat(page.locator(target.selector("userName"))).hasText("Ann Example");
    }

    @Test
    void a_name_made_of_markup_is_shown_as_literal_text() {
        signIn(page, "mallory@example.com", PASSWORD);
        page.waitForURL("**/dashboard");

        assertThat(page.locator(target.selector("userName"))).hasText(MARKUP_NAME);
        assertThat(page.locator("img")).hasCount(0);
        page.locator(target.selector("profileLink")).click();
        assertThat(page.locator(target.selector("profileName"))).hasText(MARKUP_NAME);
        assertThat(page.locator("img")).hasCount(0);
    }

    @Test
    void pages_carry_a_nonce_csp_without_eval_and_next_runs_its_scripts_under_it() {
        Response login = page.navigate(app.url("/login").toString());

        String csp = login.headerValue("content-security-policy");
        assertThat(csp)
                .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'")
                .doesNotContain("unsafe-eval")
                .doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'");
        assertThat(login.headerValue("x-content-type-options")).isEqualTo("nosniff");
        assertThat(login.headerValue("x-powered-by")).isNull();
        // React hydrated the form, so the nonce'd scripts ran (a blocked one would also be a console error).
        page.waitForFunction("() => Object.keys(document.querySelector('[data-testid=login-form]'))"
                + ".some(key => key.startsWith('__reactFiber'))");
        // Each response has its own nonce.
        String second = page.reload().headerValue("content-security-policy");
        assertThat(second).isNotEqualTo(csp);
    }

    @Test
    void a_form_posted_from_another_site_is_refused() throws Exception {
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(403));
        // Chromium asks the app for /favicon.ico of the plain 403 page
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(404));
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");
        // An attacker's page on another site (127.0.0.1 is a different site from localhost) aimed at the app.
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String forms = """
                <!doctype html><title>attacker</title>
                <form id="logout" method="post" action="%1$s/logout"><button>win a prize</button></form>
                <form id="login" method="post" action="%1$s/api/login">
                  <input name="email" value="mallory@example.com"><input name="password" value="%2$s">
                  <button>log in as someone else</button></form>""".formatted(app.url(""), PASSWORD);
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
        assertThat(page.locator(target.selector("userName"))).hasText("Ann Example");
    }
}
