package io.authbench.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nextjs/ssr's sign-in route over plain HTTP/1.1 (no browser): what a browser cannot easily show. The cookie's
 * Secure attribute behind a TLS-terminating proxy, and requests refused before any Appwrite call.
 */
class NextSsrHttpTest {
    private static final String PASSWORD = "password123";
    private static final String CREATE_SESSION = "POST /v1/account/sessions/email";

    @TempDir
    static Path dir;

    static Backend backend;
    static NextProcess app;
    // HTTP/1.1: `next start` drops requests that carry Java's default h2c upgrade.
    static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void startEverything() throws Exception {
        backend = Backend.start(dir);
        backend.createUser("ann@example.com", PASSWORD, "Ann Example");
        app = NextProcess.start(
                TargetJson.of("ssr"),
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

    private static HttpResponse<String> post(String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.url("/api/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long createSessionCalls() throws Exception {
        URI stats = backend.endpoint().resolve("/_emulator/stats");
        String body = http.send(
                        HttpRequest.newBuilder(stats)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new ObjectMapper()
                .readTree(body)
                .path("routes")
                .path(CREATE_SESSION)
                .path("count")
                .asLong(0);
    }

    private static final String FORM = "email=ann%40example.com&password=" + PASSWORD;

    @Test
    void behind_an_https_proxy_the_cookie_is_secure() throws Exception {
        HttpResponse<String> response = post("application/x-www-form-urlencoded", FORM, "X-Forwarded-Proto", "https");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location")).contains("/dashboard");
        assertThat(response.headers().firstValue("set-cookie").orElseThrow())
                .startsWith("authbench_session=")
                .contains("; Path=/", "; HttpOnly", "; Secure")
                .containsIgnoringCase("SameSite=lax");
    }

    @Test
    void over_plain_http_the_cookie_is_not_secure() throws Exception {
        HttpResponse<String> response = post("application/x-www-form-urlencoded", FORM);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("set-cookie").orElseThrow())
                .contains("; HttpOnly")
                .doesNotContain("Secure");
        assertThat(response.headers().firstValue("server-timing").orElseThrow())
                .matches("aw-create-session;dur=\\d+\\.\\d+");
    }

    @Test
    void bad_requests_are_refused_before_any_appwrite_call() throws Exception {
        long before = createSessionCalls();

        assertThat(post("application/json", "{\"email\":\"ann@example.com\"}").statusCode())
                .isEqualTo(415);
        assertThat(post("application/x-www-form-urlencoded", "email=" + "a".repeat(20_000))
                        .statusCode())
                .isEqualTo(413);
        HttpResponse<String> crossSite =
                post("application/x-www-form-urlencoded", FORM, "Origin", "http://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("set-cookie")).isEmpty();

        assertThat(createSessionCalls()).isEqualTo(before);
        // The counter does count: one good sign-in is one call.
        assertThat(post("application/x-www-form-urlencoded", FORM).statusCode()).isEqualTo(303);
        assertThat(createSessionCalls()).isEqualTo(before + 1);
    }
}
