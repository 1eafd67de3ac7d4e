package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code GET /_emulator/stats}: counts and server time per route pattern, preflights, and no secrets. */
class StatsTest {

    @Test
    void stats_count_requests_per_route_pattern_and_preflights_without_secrets() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "stats@example.com");
            String session = Seed.keySession(http, "stats@example.com");
            http.request("GET", "/account")
                    .header("X-Appwrite-Session", session)
                    .send();
            http.request("GET", "/account").send();
            http.bare("OPTIONS", emulator.baseUrl() + "/account")
                    .header("Origin", "http://localhost:3000")
                    .send();
            http.request("DELETE", "/account/sessions/current")
                    .header("X-Appwrite-Session", session)
                    .json("{}")
                    .send();
            http.request("GET", "/no/such/thing").send();

            Http.Response response =
                    http.bare("GET", emulator.rootUrl() + "/_emulator/stats").send();

            assertThat(response.status()).isEqualTo(200);
            JsonNode stats = response.json();
            assertThat(stats.path("startedAt").asText()).endsWith("+00:00");
            assertThat(stats.path("requests").asLong()).isEqualTo(6);
            assertThat(stats.path("preflights").asLong()).isEqualTo(1);
            JsonNode routes = stats.path("routes");
            assertThat(routes.path("POST /v1/users").path("count").asLong()).isEqualTo(1);
            assertThat(routes.path("POST /v1/account/sessions/email")
                            .path("count")
                            .asLong())
                    .isEqualTo(1);
            assertThat(routes.path("GET /v1/account").path("count").asLong()).isEqualTo(2);
            assertThat(routes.path("GET /v1/account").path("serverTimeNanos").asLong())
                    .isPositive();
            assertThat(routes.path("DELETE /v1/account/sessions/:sessionId")
                            .path("count")
                            .asLong())
                    .isEqualTo(1);
            assertThat(routes.path("GET *").path("count").asLong()).isEqualTo(1);
            assertThat(response.body()).doesNotContain(TestEmulator.API_KEY, session, "stats@example.com");
        }
    }

    @Test
    void reading_the_stats_does_not_count_as_a_request() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            http.bare("GET", emulator.rootUrl() + "/_emulator/stats").send();

            JsonNode stats = http.bare("GET", emulator.rootUrl() + "/_emulator/stats")
                    .send()
                    .json();

            assertThat(stats.path("requests").asLong()).isZero();
            assertThat(stats.path("routes").size()).isZero();
        }
    }

    @Test
    void invented_method_names_share_one_key_so_the_stats_stay_bounded() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            for (int i = 0; i < 40; i++) {
                assertThat(http.request("INVENTED" + i, "/account").send().status())
                        .isEqualTo(404);
            }
            http.request("BREW", "/no/such/thing").send();

            JsonNode routes = http.bare("GET", emulator.rootUrl() + "/_emulator/stats")
                    .send()
                    .json()
                    .path("routes");

            assertThat(routes.size()).isEqualTo(1);
            assertThat(routes.path("OTHER *").path("count").asLong()).isEqualTo(41);
        }
    }
}
