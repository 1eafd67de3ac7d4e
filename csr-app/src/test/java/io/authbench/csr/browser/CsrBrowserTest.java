package io.authbench.csr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.Cookie;
import io.authbench.support.process.ServerProcess;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import io.authbench.testsupport.browser.WatchedContexts;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CSR flows in real headless Chromium against the real emulator process and this app's real process.
 *
 * <p>Lifecycles (docs/contributing.md#lifecycles-by-cost): the processes, and through {@link BrowserExtension}
 * Playwright and the browser, live for the class; each test gets a fresh context (empty cookie jar and storage, so
 * every login is cold) and its own user. After each test: no unexpected console error (a guest's 401 is expected),
 * no dialog, and the API key in no response the browser received.
 */
@ExtendWith(BrowserExtension.class)
class CsrBrowserTest {
    private static final Path LOGS = Path.of("target", "browser-test-logs", "CsrBrowserTest");
    private static final String PASSWORD = "correct-horse-battery";

    private static ServerProcess emulator;
    private static ServerProcess app;
    private static String apiKey;
    private static AppwriteAdmin admin;
    private static URI appOnLocalhost;
    private static URI appOn127;
    private static URI appwriteApi;

    private BrowserContext context;
    private PageWatch watch;
    private Page page;

    @BeforeAll
    static void startEverything() {
        Path keyFile = Servers.writeApiKeyFile(LOGS);
        apiKey = Servers.readApiKey(keyFile);
        emulator = Servers.startEmulator("appwrite-emulator", keyFile, LOGS);
        appwriteApi = Servers.onLocalhost(emulator.url());
        admin = new AppwriteAdmin(appwriteApi, Servers.PROJECT, apiKey);
        // A long upstream timeout: these tests are about the flows, and a login on a loaded 2-core machine can take
        // more than the default 5 s (CsrUpstreamFailureBrowserTest covers the default).
        app = Servers.startCsrApp("csr-app", appwriteApi, LOGS, "--upstream-timeout", "25s");
        appOnLocalhost = Servers.withHost(app.url(), "localhost");
        appOn127 = Servers.withHost(app.url(), "127.0.0.1");
    }

    @AfterAll
    static void stopEverything() {
        // Each close() tolerates a null predecessor failing; children are killed as a process tree.
        if (app != null) {
            app.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void takeTheTestsContext(BrowserContext testContext, Page testPage, PageWatch testWatch) {
        context = testContext;
        page = testPage;
        watch = testWatch;
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(401)); // a guest's account.get()
    }

    @AfterEach
    void theApiKeyReachedNoBrowser() {
        watch.assertNoResponseContains("the API key", apiKey);
    }

    private record User(String id, String email, String name) {}

    private static User newUser(String name) {
        String email = "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        return new User(admin.createUser(email, PASSWORD, name), email, name);
    }

    private static void signIn(Page page, URI app, String email, String password) {
        page.navigate(app + "/login");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.getByTestId("login-submit").click();
    }

    private static User signedIn(Page page, URI app) {
        User user = newUser("Ada Lovelace");
        signIn(page, app, user.email(), PASSWORD);
        assertThat(page.getByTestId("user-name")).hasText(user.name());
        return user;
    }

    @Test
    void login_paints_the_user_name_with_an_element_timing_entry() {
        User user = newUser("Grace Hopper");

        signIn(page, appOnLocalhost, user.email(), PASSWORD);

        assertThat(page.getByTestId("user-name")).hasText("Grace Hopper");
        assertThat(page).hasURL(appOnLocalhost + "/dashboard");
        assertThat(page.getByTestId("user-email")).hasText(user.email());
        assertThat(page.getByTestId("user-created")).hasText(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
        Object identifier = page.evaluate("""
                () => new Promise(resolve => {
                  const observer = new PerformanceObserver(list => {
                    const entry = list.getEntries().find(e => e.identifier === 'user-name');
                    if (entry) { observer.disconnect(); resolve(entry.identifier); }
                  });
                  observer.observe({type: 'element', buffered: true});
                  setTimeout(() => { observer.disconnect(); resolve(null); }, 20000);
                })""");
        assertThat(identifier).isEqualTo("user-name");
        assertThat(admin.sessionCount(user.id())).isEqualTo(1);
    }

    @Test
    void root_sends_a_guest_to_the_login_page_and_a_signed_in_user_to_the_dashboard() {
        page.navigate(appOnLocalhost + "/");
        assertThat(page.getByTestId("login-heading")).isVisible();
        assertThat(page).hasURL(appOnLocalhost + "/login");

        User user = signedIn(page, appOnLocalhost);
        page.navigate(appOnLocalhost + "/");

        assertThat(page.getByTestId("user-name")).hasText(user.name());
        assertThat(page).hasURL(appOnLocalhost + "/dashboard");
    }

    @Test
    void wrong_password_shows_the_error_and_creates_no_session() {
        User user = newUser("Wrong Password");

        signIn(page, appOnLocalhost, user.email(), "not-the-password");

        assertThat(page.getByTestId("login-error")).hasText("Invalid email or password.");
        assertThat(page.getByTestId("user-name")).hasCount(0);
        assertThat(page).hasURL(appOnLocalhost + "/login");
        assertThat(admin.sessionCount(user.id())).isZero();
        assertThat(context.cookies(appwriteApi.toString())).isEmpty();
        assertThat(page.evaluate("() => localStorage.getItem('cookieFallback')"))
                .isNull();
        page.navigate(appOnLocalhost + "/dashboard");
        assertThat(page.getByTestId("login-form")).isVisible();
    }

    @Test
    void a_password_appwrite_rejects_as_invalid_input_is_explained_on_the_form() {
        User user = newUser("Short Password");
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(400));

        signIn(page, appOnLocalhost, user.email(), "short");

        assertThat(page.getByTestId("login-error"))
                .hasText("Enter a valid email address and a password of 8 to 256 characters.");
        assertThat(page.locator("input[name=email]")).hasValue(user.email());
        assertThat(admin.sessionCount(user.id())).isZero();
    }

    @Test
    void too_many_attempts_for_one_email_are_explained_on_the_form() {
        User user = newUser("Rate Limited");
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(429));
        // Appwrite allows 10 session attempts per email per hour, failed ones included
        // (docs/appwrite-behaviour.md#rate-limits).
        page.navigate(appOnLocalhost + "/login");
        for (int attempt = 1; attempt <= 10; attempt++) {
            submitAndAwaitAppwrite(user.email(), "wrong-password-" + attempt);
            assertThat(page.getByTestId("login-error")).hasText("Invalid email or password.");
        }

        submitAndAwaitAppwrite(user.email(), PASSWORD);

        assertThat(page.getByTestId("login-error"))
                .hasText("Too many sign-in attempts for this email. Try again later.");
        assertThat(admin.sessionCount(user.id())).isZero();
    }

    @Test
    void dashboard_without_a_session_shows_the_login_form() {
        page.navigate(appOnLocalhost + "/dashboard");

        assertThat(page.getByTestId("login-form")).isVisible();
        assertThat(page.getByTestId("login-heading")).hasText("Sign in");
        assertThat(page).hasURL(appOnLocalhost + "/login");
        assertThat(page.getByTestId("user-name")).hasCount(0);
    }

    @Test
    void profile_without_a_session_shows_the_login_form() {
        page.navigate(appOnLocalhost + "/profile");

        assertThat(page.getByTestId("login-form")).isVisible();
        assertThat(page).hasURL(appOnLocalhost + "/login");
    }

    @Test
    void logout_deletes_the_session_and_shows_the_login_form() {
        User user = signedIn(page, appOnLocalhost);
        assertThat(admin.sessionCount(user.id())).isEqualTo(1);

        page.getByTestId("logout").click();

        assertThat(page.getByTestId("login-form")).isVisible();
        assertThat(page).hasURL(appOnLocalhost + "/login");
        assertThat(admin.sessionCount(user.id())).isZero();
        page.navigate(appOnLocalhost + "/dashboard");
        assertThat(page.getByTestId("login-form")).isVisible();
    }

    @Test
    void the_profile_link_navigates_without_a_page_load() {
        User user = signedIn(page, appOnLocalhost);
        page.evaluate("() => { window.sameDocumentMarker = 'still here'; }");
        List<String> documentRequests = new ArrayList<>();
        page.onRequest(request -> {
            if (request.isNavigationRequest()) {
                documentRequests.add(request.url());
            }
        });

        page.getByTestId("profile-link").click();

        assertThat(page.getByTestId("profile-name")).hasText(user.name());
        assertThat(page.getByTestId("profile-name")).hasAttribute("elementtiming", "profile-name");
        assertThat(page.getByTestId("user-email")).hasText(user.email());
        assertThat(page).hasURL(appOnLocalhost + "/profile");
        assertThat(page.evaluate("() => window.sameDocumentMarker")).isEqualTo("still here");
        page.getByTestId("dashboard-link").click();
        assertThat(page.getByTestId("user-name")).hasText(user.name());
        page.evaluate("() => history.back()"); // the browser's Back button: a popstate in the same document
        assertThat(page.getByTestId("profile-name")).hasText(user.name());
        assertThat(page.evaluate("() => window.sameDocumentMarker")).isEqualTo("still here");
        assertThat(documentRequests).isEmpty();
    }

    @Test
    void a_new_page_in_the_same_context_stays_logged_in() {
        User user = signedIn(page, appOnLocalhost);

        Page second = context.newPage();
        second.navigate(appOnLocalhost + "/dashboard");

        assertThat(second.getByTestId("user-name")).hasText(user.name());
        second.navigate(appOnLocalhost + "/profile");
        assertThat(second.getByTestId("profile-name")).hasText(user.name());
    }

    @Test
    void a_name_that_is_markup_is_shown_as_literal_text() {
        String markup = "<img src=x onerror=alert(1)>";
        User user = newUser(markup);

        signIn(page, appOnLocalhost, user.email(), PASSWORD);

        assertThat(page.getByTestId("user-name")).hasText(markup);
        assertThat(page.locator("[data-testid=user-name] img")).hasCount(0);
        assertThat(page.locator("img")).hasCount(0);
        page.getByTestId("profile-link").click();
        assertThat(page.getByTestId("profile-name")).hasText(markup);
        assertThat(page.locator("img")).hasCount(0);
        assertThat(watch.dialogs()).isEmpty();
    }

    @Test
    void the_api_key_appears_in_no_response_the_browser_received() {
        signedIn(page, appOnLocalhost);
        page.getByTestId("profile-link").click();
        page.getByTestId("logout").click();
        assertThat(page.getByTestId("login-form")).isVisible();

        watch.assertNoResponseContains("the API key", apiKey);
        assertThat(watch.received()).as("responses checked").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void with_javascript_disabled_the_name_is_absent_and_with_it_enabled_the_name_is_shown(WatchedContexts contexts) {
        User user = newUser("Katherine Johnson");
        signIn(page, appOnLocalhost, user.email(), PASSWORD);
        assertThat(page.getByTestId("user-name")).hasText(user.name());
        String storage = context.storageState();

        Page noJsPage = contexts.open(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(false)
                        .setStorageState(storage))
                .newPage();
        noJsPage.navigate(appOnLocalhost + "/dashboard");

        assertThat(noJsPage.content()).doesNotContain(user.name()).contains("This app needs JavaScript");
        assertThat(noJsPage.getByTestId("user-name")).hasCount(0);

        Page withJsPage = contexts.open(new Browser.NewContextOptions().setStorageState(storage))
                .newPage();
        withJsPage.navigate(appOnLocalhost + "/dashboard");

        assertThat(withJsPage.getByTestId("user-name")).hasText(user.name());
        assertThat(withJsPage.content()).contains(user.name());
    }

    @Test
    void same_host_name_the_session_travels_in_the_cookie() {
        List<Request> accountCalls = accountCalls(page);
        User user = signedIn(page, appOnLocalhost);

        assertThat(context.cookies(appwriteApi.toString()))
                .extracting(c -> c.name)
                .contains("a_session_" + Servers.PROJECT + "_legacy");
        assertThat(lastHeaders(accountCalls)).containsKey("cookie");
        assertThat(lastHeaders(accountCalls).get("cookie")).contains("a_session_" + Servers.PROJECT + "_legacy=");

        // Without the localStorage fallback the cookie alone must carry the session.
        page.evaluate("() => localStorage.removeItem('cookieFallback')");
        accountCalls.clear();
        page.navigate(appOnLocalhost + "/dashboard");

        assertThat(page.getByTestId("user-name")).hasText(user.name());
        assertThat(lastHeaders(accountCalls)).containsKey("cookie").doesNotContainKey("x-fallback-cookies");
    }

    @Test
    void different_host_names_the_session_travels_in_the_x_fallback_cookies_header() {
        List<Request> accountCalls = accountCalls(page);
        User user = signedIn(page, appOn127);

        Object fallback = page.evaluate("() => localStorage.getItem('cookieFallback')");
        assertThat(fallback).asString().contains("a_session_" + Servers.PROJECT);
        Map<String, String> headers = lastHeaders(accountCalls);
        assertThat(headers).containsKey("x-fallback-cookies");
        assertThat(headers.getOrDefault("cookie", "")).doesNotContain("a_session_");
        List<Cookie> appwriteCookies = context.cookies(appwriteApi.toString());
        assertThat(appwriteCookies).as("third-party cookies of the API host").isEmpty();

        page.navigate(appOn127 + "/profile");
        assertThat(page.getByTestId("profile-name")).hasText(user.name());

        // Without the fallback there is nothing left that carries the session.
        page.evaluate("() => localStorage.removeItem('cookieFallback')");
        page.navigate(appOn127 + "/dashboard");
        assertThat(page.getByTestId("login-form")).isVisible();
    }

    @Test
    void the_content_security_policy_blocks_a_fetch_to_any_other_origin_and_reports_it() {
        signedIn(page, appOnLocalhost);
        // Chromium reports the blocked fetch on the console; that report is what this test provokes.
        watch.expectConsoleError("(?s)Connecting to '.*' violates the following Content Security Policy");
        watch.expectConsoleError("(?s)Fetch API cannot load .* Refused to connect because it violates");
        URI elsewhere = Servers.withHost(emulator.url(), "127.0.0.1");

        Object outcome = page.evaluate("""
                async (url) => {
                  const violations = [];
                  document.addEventListener('securitypolicyviolation',
                      e => violations.push(e.effectiveDirective + ' ' + e.blockedURI));
                  let fetched;
                  try { await fetch(url); fetched = 'fetched'; } catch (e) { fetched = 'blocked'; }
                  await new Promise(r => setTimeout(r, 100));
                  return fetched + ' | ' + violations.join(',');
                }""", elsewhere + "/v1/health");

        assertThat(outcome).asString().startsWith("blocked | connect-src " + elsewhere);
    }

    /** Submits the form already on the page and returns once Appwrite answered the session request. */
    private void submitAndAwaitAppwrite(String email, String password) {
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.waitForResponse(
                response -> response.url().endsWith("/account/sessions/email"),
                () -> page.getByTestId("login-submit").click());
    }

    private List<Request> accountCalls(Page page) {
        List<Request> calls = new ArrayList<>();
        page.onRequestFinished(request -> {
            if (request.method().equals("GET") && request.url().startsWith(appwriteApi + "/account")) {
                calls.add(request);
            }
        });
        return calls;
    }

    private static Map<String, String> lastHeaders(List<Request> calls) {
        assertThat(calls).as("GET /v1/account calls seen").isNotEmpty();
        return calls.get(calls.size() - 1).allHeaders();
    }
}
