package io.authbench.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.authbench.testsupport.appwrite.JsonAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A 429 while seeding is reported as Appwrite's rate limit with the limit and reset it sent, not as a generic
 * failure. The server is a JDK HttpServer answering as a rate-limited Appwrite does
 * (docs/appwrite-behaviour.md#error-model, docs/appwrite-behaviour.md#rate-limits): the emulator's Users API has no
 * limit to hit, a hosted Appwrite may.
 */
class UserSeederRateLimitTest {
    @Test
    void a_rate_limited_user_creation_names_the_limit_and_its_reset() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/users", exchange -> {
            exchange.getResponseHeaders().add("X-RateLimit-Limit", "60");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
            exchange.getResponseHeaders().add("X-RateLimit-Reset", "1795777200");
            JsonAnswer.send(
                    exchange,
                    429,
                    "{\"message\":\"Rate limit for the current endpoint has been exceeded. Please try again after"
                            + " some time.\",\"code\":429,\"type\":\"general_rate_limit_exceeded\",\"version\":\"1.6.2\"}");
        });
        server.start();
        try {
            UserSeeder seeder = new UserSeeder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"),
                    "authbench",
                    "standard_key",
                    Duration.ofSeconds(10),
                    "rl");

            assertThatThrownBy(() -> seeder.create(1))
                    .isInstanceOf(UserSeeder.SeedingException.class)
                    .hasMessageContaining(
                            "rate limited by Appwrite (429 general_rate_limit_exceeded; limit 60 per window"
                                    + " (X-RateLimit-Limit), 0 left, resets at 2026-11-27T11:00:00Z)")
                    .hasMessageContaining("Wait for the reset")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("standard_key"));
            // The id was registered before the call, so a clean-up would still try it.
            assertThat(seeder.createdUserIds()).containsExactly("ab-rl-0");
        } finally {
            server.stop(0);
        }
    }
}
