package io.authbench.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.flow.IterationOutcome;
import io.authbench.harness.flow.TestUser;
import io.authbench.reports.results.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A login rate limit is reported as such, with Appwrite's limit and reset, not as a generic failure. */
class RateLimitsTest {
    @TempDir
    Path logs;

    @Test
    void the_headers_become_a_sentence() {
        HttpHeaders headers = HttpHeaders.of(
                Map.of(
                        "X-RateLimit-Limit",
                        List.of("10"),
                        "X-RateLimit-Remaining",
                        List.of("0"),
                        "X-RateLimit-Reset",
                        List.of("1795777200")),
                (n, v) -> true);

        assertThat(RateLimits.describe(429, headers))
                .isEqualTo("limit 10 per window (X-RateLimit-Limit), 0 left, resets at 2026-11-27T11:00:00Z");
        assertThat(RateLimits.describe(429, HttpHeaders.of(Map.of(), (n, v) -> true)))
                .isEqualTo("no X-RateLimit-Limit header");
    }

    @Test
    void a_rate_limited_login_names_the_limit_from_appwrite_itself() throws Exception {
        try (ExternalEmulator appwrite = ExternalEmulator.start(logs)) {
            String email = "limited@authbench.test";
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 10; i++) { // Appwrite allows 10 sign-ins per e-mail per hour; failed ones count
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(appwrite.api() + "/account/sessions/email"))
                                .header("X-Appwrite-Project", "authbench")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(401);
            }
            IterationOutcome failed = IterationOutcome.failed(
                    "the page shows login-error ('Too many sign-in attempts for this" + " email. Try again later.')",
                    Instant.now(),
                    Metrics.builder().build(),
                    Map.of());
            RateLimits limits = new RateLimits(appwrite.api(), "authbench", Duration.ofSeconds(10));

            IterationOutcome explained = limits.explain(failed, new TestUser("ratelimited", email, "pw", "Ada"));

            assertThat(explained.ok()).isFalse();
            assertThat(explained.failure())
                    .startsWith("rate limited by Appwrite (429 general_rate_limit_exceeded on sign-in for " + email)
                    .contains("limit 10 per window (X-RateLimit-Limit), 0 left, resets at ")
                    .endsWith("Too many sign-in attempts for this email. Try again later.')");
            // Other failures stay as they were.
            IterationOutcome other = IterationOutcome.failed(
                    "timed out", Instant.now(), Metrics.builder().build(), Map.of());
            assertThat(limits.explain(other, new TestUser("ratelimited", email, "pw", "Ada")))
                    .isSameAs(other);
        }
    }
}
