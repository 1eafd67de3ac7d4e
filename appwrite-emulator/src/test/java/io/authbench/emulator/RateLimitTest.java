package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Appwrite's abuse limits: fixed hourly windows, counted before credentials, API keys exempt
 * (docs/appwrite-behaviour.md#rate-limits).
 */
class RateLimitTest {

    /**
     * Windows are fixed UTC hours: a test that counts calls must not straddle a full hour, or its counter restarts
     * half-way. Each test takes a few seconds, so starting at least 30 s before the hour turns is enough.
     */
    @BeforeEach
    void startWellInsideOneRateLimitWindow() throws InterruptedException {
        long secondsLeft = 3600 - Math.floorMod(Instant.now().getEpochSecond(), 3600);
        if (secondsLeft < 30) {
            Thread.sleep((secondsLeft + 1) * 1000);
        }
    }

    private static Http.Response login(Http http, String email, String password) {
        return http.request("POST", "/account/sessions/email")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .send();
    }

    @Test
    void the_eleventh_login_for_one_email_in_an_hour_gets_429_even_when_all_failed() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "limited@example.com");

            for (int i = 1; i <= 10; i++) {
                Http.Response response = login(http, "limited@example.com", "wrong-password");
                assertThat(response.type()).isEqualTo("user_invalid_credentials");
                assertThat(response.header("X-RateLimit-Limit")).isEqualTo("10");
                assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(10 - i));
            }
            Http.Response blocked = login(http, "limited@example.com", TestEmulator.PASSWORD);

            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.type()).isEqualTo("general_rate_limit_exceeded");
            assertThat(blocked.header("X-RateLimit-Remaining")).isEqualTo("0");
            long reset = Long.parseLong(blocked.header("X-RateLimit-Reset"));
            long now = Instant.now().getEpochSecond();
            assertThat(reset % 3600).isZero();
            assertThat(reset).isGreaterThan(now).isLessThanOrEqualTo(now + 3600);
            assertThat(emulator.server().project().store().sessionCount()).isZero();
        }
    }

    @Test
    void the_rate_limit_wins_over_an_already_present_session() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "order-429@example.com");
            String session = Seed.keySession(http, "order-429@example.com"); // API key: not counted
            for (int i = 0; i < 10; i++) {
                Http.Response refused = http.request("POST", "/account/sessions/email")
                        .header("X-Appwrite-Session", session)
                        .json("{\"email\":\"order-429@example.com\",\"password\":\"password123\"}")
                        .send();
                assertThat(refused.type()).isEqualTo("user_session_already_exists");
            }

            Http.Response blocked = http.request("POST", "/account/sessions/email")
                    .header("X-Appwrite-Session", session)
                    .json("{\"email\":\"order-429@example.com\",\"password\":\"password123\"}")
                    .send();

            assertThat(blocked.status()).isEqualTo(429);
        }
    }

    @Test
    void the_login_limit_is_per_email_as_sent() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "per-email@example.com");
            for (int i = 0; i < 10; i++) {
                login(http, "someone-else@example.com", "wrong-password");
            }

            assertThat(login(http, "someone-else@example.com", "wrong-password").status())
                    .isEqualTo(429);
            assertThat(login(http, "per-email@example.com", TestEmulator.PASSWORD)
                            .status())
                    .isEqualTo(201);
        }
    }

    @Test
    void api_key_logins_are_not_limited_but_still_get_the_headers() {
        try (TestEmulator emulator = TestEmulator.start(c -> c.withRateLimits(true))) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "ssr@example.com");

            for (int i = 0; i < 12; i++) {
                Http.Response response = http.request("POST", "/account/sessions/email")
                        .key()
                        .json("{\"email\":\"ssr@example.com\",\"password\":\"password123\"}")
                        .send();
                assertThat(response.status()).isEqualTo(201);
                assertThat(response.header("X-RateLimit-Limit")).isEqualTo("10");
            }
        }
    }

    @Test
    void switching_rate_limits_off_lets_every_call_through_with_the_headers_kept() {
        try (TestEmulator emulator = TestEmulator.start(c -> c.withRateLimits(false))) {
            Http http = new Http(emulator.baseUrl());

            for (int i = 0; i < 15; i++) {
                Http.Response response = login(http, "nobody@example.com", "wrong-password");
                assertThat(response.type()).isEqualTo("user_invalid_credentials");
                assertThat(response.header("X-RateLimit-Limit")).isEqualTo("10");
            }
        }
    }

    @Test
    void logout_is_limited_to_100_per_hour_per_ip() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "logout@example.com");
            String session = Seed.keySession(http, "logout@example.com");

            for (int i = 0; i < 100; i++) {
                Http.Response response = http.request("DELETE", "/account/sessions/00000000000000000000")
                        .header("X-Appwrite-Session", session)
                        .json("{}")
                        .send();
                assertThat(response.type()).isEqualTo("user_session_not_found");
            }
            Http.Response blocked = http.request("DELETE", "/account/sessions/current")
                    .header("X-Appwrite-Session", session)
                    .json("{}")
                    .send();

            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.header("X-RateLimit-Limit")).isEqualTo("100");
            assertThat(emulator.server().project().store().sessionCount()).isEqualTo(1);
        }
    }

    @Test
    void routes_without_a_limit_send_no_rate_limit_headers() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());

            assertThat(http.request("GET", "/account").send().header("X-RateLimit-Limit"))
                    .isNull();
        }
    }

    @Test
    void the_ip_comes_from_x_forwarded_for_as_in_appwrite_unless_no_header_is_trusted() {
        try (TestEmulator trusting = TestEmulator.start()) {
            assertThat(signUpsFromChangingForwardedIps(new Http(trusting.baseUrl())))
                    .as("Appwrite's default trusts X-Forwarded-For: each address has its own limit")
                    .isEqualTo(201);
        }
        try (TestEmulator untrusting = TestEmulator.start(c -> c.withTrustedIpHeaders(List.of()))) {
            assertThat(signUpsFromChangingForwardedIps(new Http(untrusting.baseUrl())))
                    .as("trusting no header: one connection address, one limit")
                    .isEqualTo(429);
        }
    }

    /** Eleven sign-ups (the limit is 10 per hour per URL and IP), each claiming another address; the last status. */
    private static int signUpsFromChangingForwardedIps(Http http) {
        int status = 0;
        for (int i = 0; i < 11; i++) {
            status = http.request("POST", "/account")
                    .header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .json("{\"userId\":\"unique()\",\"email\":\"xff" + i
                            + "@example.com\",\"password\":\"password123\"}")
                    .send()
                    .status();
        }
        return status;
    }
}
