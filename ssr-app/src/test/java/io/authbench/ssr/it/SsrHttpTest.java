package io.authbench.ssr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's HTTP behaviour, end to end: real ssr-app process → counting proxy → real emulator process, driven by a
 * plain HTTP client that does not follow redirects (so every 303 and Set-Cookie is visible).
 */
class SsrHttpTest {
    private static final String PASSWORD = "password123";
    private static final String NAME = "Ann <b>Admin</b>";
    private static final Pattern SESSION_COOKIE = Pattern.compile("authbench_session=([^;]*)");

    @TempDir
    static Path dir;

    static TestStack stack;
    static final List<String> secretsSeen = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void startStack() throws Exception {
        // A generous timeout: these tests are about behaviour, and the machine may be busy.
        stack = TestStack.startWithProxy(dir, "--upstream-timeout", "15s");
        stack.createUser("ann@example.com", PASSWORD, NAME);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.appUrl(path)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", "authbench_session=" + cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String origin, String cookie, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.appUrl(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (cookie != null) {
            request.header("Cookie", "authbench_session=" + cookie);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String ownOrigin() {
        return stack.appUrl().toString();
    }

    private static String form(String email, String password) {
        return "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private String login() throws Exception {
        HttpResponse<String> response = post("/login", form("ann@example.com", PASSWORD), ownOrigin(), null);
        assertThat(response.statusCode()).isEqualTo(303);
        String secret = sessionCookie(response).orElseThrow();
        secretsSeen.add(secret);
        return secret;
    }

    private static Optional<String> setCookieHeader(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith("authbench_session="))
                .findFirst();
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return setCookieHeader(response)
                .map(SESSION_COOKIE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .filter(v -> !v.isEmpty());
    }

    // ---- login ----------------------------------------------------------------------------------------------

    @Test
    void login_sets_an_httponly_lax_session_cookie_with_the_session_expiry_and_redirects_to_the_dashboard()
            throws Exception {
        HttpResponse<String> response = post("/login", form("ann@example.com", PASSWORD), ownOrigin(), null);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/dashboard");
        String setCookie = setCookieHeader(response).orElseThrow();
        assertThat(setCookie)
                .contains("; Path=/", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure");
        String expires = setCookie.replaceAll(".*; Expires=([^;]+);.*", "$1");
        ZonedDateTime expiry = ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(expiry).isAfter(ZonedDateTime.now().plusDays(360)); // the emulator's sessions last a year
        assertThat(sessionCookie(response).orElseThrow()).matches("[A-Za-z0-9+/]+={0,2}");
        assertThat(response.headers().firstValue("Server-Timing"))
                .hasValueSatisfying(v -> assertThat(v).matches("aw-create-session;dur=\\d+\\.\\d+"));
        secretsSeen.add(sessionCookie(response).orElseThrow());
    }

    @Test
    void the_cookie_is_secure_when_the_request_came_over_https_via_a_proxy() throws Exception {
        HttpResponse<String> response = post(
                "/login",
                form("ann@example.com", PASSWORD),
                ownOrigin().replace("http://", "https://"),
                null,
                "X-Forwarded-Proto",
                "https");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(setCookieHeader(response).orElseThrow()).endsWith("; Secure");
        secretsSeen.add(sessionCookie(response).orElseThrow());
    }

    @Test
    void wrong_password_shows_the_form_error_with_401_and_sets_no_cookie() throws Exception {
        HttpResponse<String> response = post("/login", form("ann@example.com", "wrong-password"), ownOrigin(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body())
                .contains("data-testid=\"login-error\">Invalid email or password.</p>", "data-testid=\"login-form\"");
        assertThat(setCookieHeader(response)).isEmpty();
    }

    @Test
    void missing_fields_a_non_form_body_and_an_oversized_body_are_answered_without_calling_appwrite() throws Exception {
        long before = stack.emulatorCalls("POST /v1/account/sessions/email");

        HttpResponse<String> missing = post("/login", "email=ann%40example.com", ownOrigin(), null);
        HttpResponse<String> json = http.send(
                HttpRequest.newBuilder(stack.appUrl("/login"))
                        .header("Content-Type", "application/json")
                        .header("Origin", ownOrigin())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> huge = post("/login", "email=" + "a".repeat(40_000), ownOrigin(), null);
        HttpResponse<String> malformed = post("/login", "email=%zz&password=x", ownOrigin(), null);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("data-testid=\"login-error\">Enter a valid email address");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(stack.emulatorCalls("POST /v1/account/sessions/email")).isEqualTo(before);
    }

    // ---- pages ----------------------------------------------------------------------------------------------

    @Test
    void the_dashboard_is_rendered_on_the_server_with_the_name_escaped_and_is_never_cached() throws Exception {
        String secret = login();

        HttpResponse<String> response = get("/dashboard", secret);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "<h1 data-testid=\"user-name\" elementtiming=\"user-name\">Ann &lt;b&gt;Admin&lt;/b&gt;</h1>",
                        "data-testid=\"user-email\">ann@example.com<",
                        "data-testid=\"user-created\"><time datetime=\"");
        assertThat(response.body()).doesNotContain(NAME).doesNotContain("<script");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Server-Timing"))
                .hasValueSatisfying(v -> assertThat(v).matches("aw-get-account;dur=\\d+\\.\\d+"));
    }

    @Test
    void the_profile_page_shows_the_same_user_under_its_own_heading() throws Exception {
        HttpResponse<String> response = get("/profile", login());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "<h1 data-testid=\"profile-name\" elementtiming=\"profile-name\">Ann &lt;b&gt;",
                        "data-testid=\"user-email\">ann@example.com<",
                        "data-testid=\"dashboard-link\"");
    }

    @Test
    void without_a_cookie_pages_redirect_to_login_without_calling_appwrite() throws Exception {
        long before = stack.emulatorCalls("GET /v1/account");

        HttpResponse<String> dashboard = get("/dashboard", null);
        HttpResponse<String> root = get("/", null);

        assertThat(dashboard.statusCode()).isEqualTo(303);
        assertThat(dashboard.headers().firstValue("Location")).hasValue("/login");
        assertThat(dashboard.headers().firstValue("Server-Timing")).isEmpty();
        assertThat(root.headers().firstValue("Location")).hasValue("/login");
        assertThat(stack.emulatorCalls("GET /v1/account")).isEqualTo(before);
    }

    @Test
    void root_sends_a_signed_in_user_to_the_dashboard() throws Exception {
        assertThat(get("/", login()).headers().firstValue("Location")).hasValue("/dashboard");
    }

    @Test
    void a_cookie_appwrite_does_not_accept_is_cleared_and_the_user_sent_to_login() throws Exception {
        String forged = "eyJpZCI6IjAwMDAwMDAwMDAwMDAwMDAwMDAwIiwic2VjcmV0IjoiMDAifQ=="; // {"id":"000…","secret":"00"}

        HttpResponse<String> forgedResponse = get("/dashboard", forged);
        HttpResponse<String> garbageResponse = get("/dashboard", "not a secret!");

        for (HttpResponse<String> response : List.of(forgedResponse, garbageResponse)) {
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValue("/login");
            assertThat(setCookieHeader(response).orElseThrow())
                    .startsWith("authbench_session=;")
                    .contains("Max-Age=0");
        }
    }

    @Test
    void logout_deletes_the_session_at_appwrite_and_clears_the_cookie() throws Exception {
        String secret = login();
        long deletesBefore = stack.emulatorCalls("DELETE /v1/account/sessions/:sessionId");

        HttpResponse<String> logout = post("/logout", "", ownOrigin(), secret);

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue("/login");
        assertThat(setCookieHeader(logout).orElseThrow()).startsWith("authbench_session=;");
        assertThat(logout.headers().firstValue("Server-Timing"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("aw-delete-session;dur="));
        assertThat(stack.emulatorCalls("DELETE /v1/account/sessions/:sessionId"))
                .isEqualTo(deletesBefore + 1);
        // The old secret is dead at Appwrite, not just forgotten by the browser.
        assertThat(get("/dashboard", secret).headers().firstValue("Location")).hasValue("/login");
    }

    // ---- cross-site requests --------------------------------------------------------------------------------

    @Test
    void a_cross_site_login_post_is_refused_before_appwrite_is_called() throws Exception {
        long before = stack.emulatorCalls("POST /v1/account/sessions/email");

        HttpResponse<String> foreignOrigin =
                post("/login", form("ann@example.com", PASSWORD), "http://evil.example", null);
        HttpResponse<String> otherPort = post("/login", form("ann@example.com", PASSWORD), "http://localhost:1", null);
        HttpResponse<String> nullOrigin = post("/login", form("ann@example.com", PASSWORD), "null", null);
        HttpResponse<String> fetchSite =
                post("/login", form("ann@example.com", PASSWORD), null, null, "Sec-Fetch-Site", "cross-site");

        for (HttpResponse<String> response : List.of(foreignOrigin, otherPort, nullOrigin, fetchSite)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(setCookieHeader(response)).isEmpty();
        }
        assertThat(stack.emulatorCalls("POST /v1/account/sessions/email")).isEqualTo(before);
    }

    @Test
    void behind_a_reverse_proxy_the_forwarded_host_and_scheme_are_the_apps_origin() throws Exception {
        String[] proxyHeaders = {"X-Forwarded-Host", "app.example.com", "X-Forwarded-Proto", "https"};

        HttpResponse<String> sameSite =
                post("/login", form("ann@example.com", PASSWORD), "https://app.example.com", null, proxyHeaders);
        HttpResponse<String> crossSite =
                post("/login", form("ann@example.com", PASSWORD), ownOrigin(), null, proxyHeaders);

        assertThat(sameSite.statusCode()).isEqualTo(303);
        assertThat(setCookieHeader(sameSite).orElseThrow()).endsWith("; Secure");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        secretsSeen.add(sessionCookie(sameSite).orElseThrow());
    }

    @Test
    void a_cross_site_logout_post_leaves_the_session_alone() throws Exception {
        String secret = login();

        HttpResponse<String> logout = post("/logout", "", "http://evil.example", secret);

        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(get("/dashboard", secret).statusCode()).isEqualTo(200);
    }

    // ---- connections, assets, logs ------------------------------------------------------------------------

    @Test
    void page_views_make_one_appwrite_call_each_over_reused_connections() throws Exception {
        String secret = login();
        get("/dashboard", secret); // the pool holds a warm connection from here on
        int connectionsBefore = stack.proxy.connections();
        long callsBefore = stack.emulatorCalls("GET /v1/account");

        for (int i = 0; i < 30; i++) {
            assertThat(get(i % 2 == 0 ? "/dashboard" : "/profile", secret).statusCode())
                    .isEqualTo(200);
        }

        assertThat(stack.emulatorCalls("GET /v1/account")).isEqualTo(callsBefore + 30);
        assertThat(stack.proxy.connections() - connectionsBefore).isLessThanOrEqualTo(1);
    }

    @Test
    void the_shared_stylesheet_is_served_cacheable_and_unchanged() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String href = login.body().replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\".*", "$1");

        HttpResponse<String> css = get(href, null);

        assertThat(href).startsWith("/assets/app.css?v=");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(css.body()).isEqualTo(Files.readString(Path.of("..", "shared-web", "app.css")));
        assertThat(login.headers().firstValue("Server-Timing")).isEmpty();
    }

    @Test
    void unknown_paths_and_methods_get_plain_pages() throws Exception {
        assertThat(get("/nope", null).statusCode()).isEqualTo(404);
        assertThat(post("/dashboard", "", ownOrigin(), null).statusCode()).isEqualTo(405);
    }

    @Test
    void no_secret_reaches_a_page_or_a_log_line_and_request_logging_is_off() throws Exception {
        String secret = login();
        HttpResponse<String> dashboard = get("/dashboard", secret);
        HttpResponse<String> profile = get("/profile", secret);
        post("/login", form("ann@example.com", "wrong-password"), ownOrigin(), null);

        for (HttpResponse<String> response : List.of(dashboard, profile)) {
            assertThat(response.body()).doesNotContain(stack.apiKey).doesNotContain(secret);
            assertThat(response.headers().map().toString())
                    .doesNotContain(stack.apiKey)
                    .doesNotContain(secret);
        }
        String logs = stack.appLogs();
        assertThat(logs).doesNotContain(stack.apiKey).doesNotContain(PASSWORD).doesNotContain("wrong-password");
        secretsSeen.forEach(seen -> assertThat(logs).doesNotContain(seen));
        assertThat(logs).doesNotContain("GET /dashboard").startsWith("LISTENING http://127.0.0.1:");
    }

    @Test
    void security_headers_forbid_scripts_and_framing() throws Exception {
        HttpResponse<String> response = get("/login", null);

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
