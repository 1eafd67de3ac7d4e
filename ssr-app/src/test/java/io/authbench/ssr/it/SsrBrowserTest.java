package io.authbench.ssr.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.sun.net.httpserver.HttpServer;
import io.authbench.support.browser.Browsers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSR app in headless Chromium against the real emulator: one Playwright and Browser for the class, a fresh
 * context (empty cookie jar) per test. Console errors fail a test unless it expects them; every response the browser
 * received is checked for the API key.
 */
class SsrBrowserTest {
    private static final String PASSWORD = "password123";
    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;
    static TestStack stack;
    static Playwright playwright;
    static Browser browser;

    // Fields reset before each test.
    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    final List<Pattern> expectedConsoleErrors = new ArrayList<>();
    /** Headers and body of every response the browser received, read as it arrived (bodies vanish on navigation). */
    final List<String> responses = new CopyOnWriteArrayList<>();
    final List<String> dialogs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        stack = TestStack.start(dir, "--upstream-timeout", "15s");   // behaviour, not speed, is under test
        stack.createUser("ann@example.com", PASSWORD, "Ann Example");
        stack.createUser("mallory@example.com", PASSWORD, MARKUP_NAME);
        playwright = Browsers.createPlaywright();
        browser = Browsers.launchChromium(playwright);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = watch(browser.newContext());
        page = context.newPage();
    }

    private BrowserContext watch(BrowserContext newContext) {
        newContext.setDefaultTimeout(30_000);
        newContext.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        newContext.onRequestFinished(request -> {
            Response response = request.response();
            if (response != null) {
                responses.add(response.url() + " " + response.allHeaders() + "\n" + bodyOf(response).orElse(""));
            }
        });
        newContext.onPage(p -> p.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        }));
        return newContext;
    }

    @AfterEach
    void checkAndClose() {
        try {
            List<String> unexpected = consoleErrors.stream()
                    .filter(error -> expectedConsoleErrors.stream().noneMatch(p -> p.matcher(error).find())).toList();
            assertThat(unexpected).as("console errors").isEmpty();
            assertThat(dialogs).as("dialogs opened by page content").isEmpty();
            assertThat(responses).noneSatisfy(response -> assertThat(response).contains(stack.apiKey));
            // Proof the capture works: the pages' HTML was read, so the check above had something to look at.
            assertThat(responses).as("responses the browser received").anySatisfy(r -> assertThat(r).contains("<!doctype html>"));
        } finally {
            context.close();
        }
    }

    private static Optional<String> bodyOf(Response response) {
        if (response.status() >= 300 && response.status() < 400) {
            return Optional.empty();   // redirects have no body in Chromium
        }
        return Optional.of(new String(response.body(), StandardCharsets.UTF_8));
    }

    private void expectConsoleError(String regex) {
        expectedConsoleErrors.add(Pattern.compile(regex));
    }

    private void signIn(Page on, String email, String password) {
        on.navigate(stack.appUrl("/login").toString());
        on.locator("input[name=email]").fill(email);
        on.locator("input[name=password]").fill(password);
        on.getByTestId("login-submit").click();
    }

    private Optional<Cookie> sessionCookie() {
        return context.cookies(stack.appUrl().toString()).stream().filter(c -> c.name.equals("authbench_session")).findFirst();
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
        assertThat(cookie.secure).isFalse();   // plain http; --secure-cookies auto
        assertThat(Instant.ofEpochSecond(cookie.expires.longValue())).isAfter(Instant.now().plus(360, ChronoUnit.DAYS));
        assertThat(page.evaluate("() => document.cookie")).isEqualTo("");   // invisible to page scripts
    }

    @Test
    void wrong_password_shows_an_error_and_creates_no_session() {
        expectConsoleError("status of 401");

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
    void with_javascript_disabled_the_dashboard_html_contains_the_name() {
        BrowserContext noScript = watch(browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)));
        try {
            Page noScriptPage = noScript.newPage();
            signIn(noScriptPage, "ann@example.com", PASSWORD);   // a plain form post: no script involved
            noScriptPage.waitForURL("**/dashboard");

            Response dashboard = noScriptPage.navigate(stack.appUrl("/dashboard").toString());

            assertThat(dashboard.text()).contains(
                    "<h1 data-testid=\"user-name\" elementtiming=\"user-name\">Ann Example</h1>");
            assertThat(noScriptPage.getByTestId("user-name")).hasText("Ann Example");
        } finally {
            noScript.close();
        }
    }

    @Test
    void a_form_posted_from_another_site_is_refused() throws Exception {
        expectConsoleError("status of 403");
        signIn(page, "ann@example.com", PASSWORD);
        page.waitForURL("**/dashboard");
        // An attacker's page on another site (127.0.0.1 is a different site from localhost) with forms aimed at the app.
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
            for (String form : List.of("#logout button", "#login button")) {
                Page evil = context.newPage();
                evil.navigate(attackerUrl);
                Response refused = evil.waitForResponse(r -> r.request().method().equals("POST"),
                        () -> evil.locator(form).click());
                assertThat(refused.status()).isEqualTo(403);
                evil.close();
            }
        } finally {
            attacker.stop(0);
        }

        page.reload();
        assertThat(page.getByTestId("user-name")).hasText("Ann Example");   // neither logged out nor switched user
    }
}
