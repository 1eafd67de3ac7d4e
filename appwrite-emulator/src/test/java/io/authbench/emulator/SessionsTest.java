package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Session lifecycle: the per-user cap, expiry and purging, accessedAt, and concurrent logins. */
class SessionsTest {

    @Test
    void an_api_key_creates_a_usable_server_session_for_a_user_without_the_password() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            String userId = Seed.createUser(http, "server@example.com");

            Http.Response created = http.request("POST", "/users/" + userId + "/sessions")
                    .key()
                    .json("{}")
                    .send();

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("provider").asText()).isEqualTo("server");
            assertThat(created.json().path("userId").asText()).isEqualTo(userId);
            assertThat(created.json().path("factors")).isEmpty();
            assertThat(created.header("Set-Cookie"))
                    .as("a server creates it: no cookies")
                    .isNull();
            String secret = created.json().path("secret").asText();
            assertThat(secret).isNotEmpty();
            assertThat(status(http, secret)).isEqualTo(200);
            Http.Response asCookie = http.request("GET", "/account")
                    .header(
                            "Cookie",
                            "a_session_" + TestEmulator.PROJECT + "_legacy="
                                    + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .send();
            assertThat(asCookie.status()).isEqualTo(200);
            assertThat(asCookie.json().path("email").asText()).isEqualTo("server@example.com");
        }
    }

    @Test
    void a_server_session_needs_an_api_key_with_users_write_and_an_existing_user() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            String userId = Seed.createUser(http, "guarded@example.com");

            Http.Response guest = http.request("POST", "/users/" + userId + "/sessions")
                    .json("{}")
                    .send();
            assertThat(guest.status()).isEqualTo(401);
            assertThat(guest.type()).isEqualTo("general_unauthorized_scope");

            Http.Response unknown = http.request("POST", "/users/nobody/sessions")
                    .key()
                    .json("{}")
                    .send();
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.type()).isEqualTo("user_not_found");
        }
    }

    @Test
    void the_eleventh_session_prunes_the_oldest() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "cap@example.com");
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                sessions.add(Seed.keySession(http, "cap@example.com"));
            }

            assertThat(status(http, sessions.get(0))).isEqualTo(401);
            for (String live : sessions.subList(1, 11)) {
                assertThat(status(http, live)).isEqualTo(200);
            }
            Http.Response list = http.request("GET", "/account/sessions")
                    .header("X-Appwrite-Session", sessions.get(10))
                    .send();
            assertThat(list.json().path("total").asInt()).isEqualTo(10);
            assertThat(list.json().path("sessions")).hasSize(10);
        }
    }

    @Test
    void an_expired_session_is_a_guest_and_is_purged_from_memory() throws InterruptedException {
        try (TestEmulator emulator = TestEmulator.start(c -> c.withSessionDuration(Duration.ofMillis(300)))) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "expiry@example.com");
            String session = Seed.keySession(http, "expiry@example.com");
            Thread.sleep(400);

            Http.Response response = http.request("GET", "/account")
                    .header("X-Appwrite-Session", session)
                    .send();
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.type()).isEqualTo("general_unauthorized_scope");

            emulator.server().purge();
            assertThat(emulator.server().project().store().sessionCount()).isZero();
        }
    }

    @Test
    void the_purge_thread_removes_expired_sessions_on_its_own() throws InterruptedException {
        try (TestEmulator emulator = TestEmulator.start(c -> c.withSessionDuration(Duration.ofMillis(200)))) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "purge@example.com");
            Seed.keySession(http, "purge@example.com");
            assertThat(emulator.server().project().store().sessionCount()).isEqualTo(1);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (emulator.server().project().store().sessionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(emulator.server().project().store().sessionCount()).isZero();
        }
    }

    @Test
    void accessed_at_is_empty_until_the_first_session_request_and_then_set() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            String userId = Seed.createUser(http, "access@example.com");
            assertThat(http.request("GET", "/users/" + userId)
                            .key()
                            .send()
                            .json()
                            .path("accessedAt")
                            .asText())
                    .isEmpty();

            String session = Seed.keySession(http, "access@example.com");
            String accessedAt = http.request("GET", "/account")
                    .header("X-Appwrite-Session", session)
                    .send()
                    .json()
                    .path("accessedAt")
                    .asText();

            assertThat(accessedAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
            assertThat(http.request("GET", "/account")
                            .header("X-Appwrite-Session", session)
                            .send()
                            .json()
                            .path("accessedAt")
                            .asText())
                    .isEqualTo(accessedAt);
        }
    }

    @Test
    void deleting_all_sessions_logs_every_device_out() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "all@example.com");
            String first = Seed.keySession(http, "all@example.com");
            String second = Seed.keySession(http, "all@example.com");

            Http.Response response = http.request("DELETE", "/account/sessions")
                    .header("X-Appwrite-Session", second)
                    .json("{}")
                    .send();

            assertThat(response.status()).isEqualTo(204);
            assertThat(response.header("X-Fallback-Cookies")).isEqualTo("[]");
            assertThat(status(http, first)).isEqualTo(401);
            assertThat(status(http, second)).isEqualTo(401);
        }
    }

    @Test
    void deleting_another_of_ones_own_sessions_keeps_the_current_one_and_its_cookies() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "other@example.com");
            String first = Seed.keySession(http, "other@example.com");
            String second = Seed.keySession(http, "other@example.com");
            String firstId = http.request("GET", "/account/sessions/current")
                    .header("X-Appwrite-Session", first)
                    .send()
                    .json()
                    .path("$id")
                    .asText();

            Http.Response response = http.request("DELETE", "/account/sessions/" + firstId)
                    .header("X-Appwrite-Session", second)
                    .json("{}")
                    .send();

            assertThat(response.status()).isEqualTo(204);
            assertThat(response.headers("Set-Cookie")).isEmpty();
            assertThat(status(http, first)).isEqualTo(401);
            assertThat(status(http, second)).isEqualTo(200);
        }
    }

    @Test
    void concurrent_logins_of_many_users_each_get_their_own_session() throws Exception {
        int users = 24;
        int loginsPerUser = 4;
        try (TestEmulator emulator = TestEmulator.start(c -> c.withRateLimits(false))) {
            Http http = new Http(emulator.baseUrl());
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                emails.add("concurrent" + i + "@example.com");
                Seed.createUser(http, emails.get(i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String[]>> results = new ArrayList<>();
                for (int round = 0; round < loginsPerUser; round++) {
                    for (String email : emails) {
                        results.add(pool.submit(() -> {
                            String session = Seed.keySession(http, email);
                            String seen = http.request("GET", "/account")
                                    .header("X-Appwrite-Session", session)
                                    .send()
                                    .json()
                                    .path("email")
                                    .asText();
                            return new String[] {email, seen, session};
                        }));
                    }
                }
                Set<String> sessions = new HashSet<>();
                for (Future<String[]> result : results) {
                    String[] r = result.get(60, TimeUnit.SECONDS);
                    assertThat(r[1]).isEqualTo(r[0]);
                    sessions.add(r[2]);
                }
                assertThat(sessions).hasSize(users * loginsPerUser);
            } finally {
                pool.shutdownNow();
            }
            assertThat(emulator.server().project().store().sessionCount()).isEqualTo(users * loginsPerUser);
            assertThat(emulator.server().project().store().userCount()).isEqualTo(users);
        }
    }

    private static int status(Http http, String session) {
        return http.request("GET", "/account")
                .header("X-Appwrite-Session", session)
                .send()
                .status();
    }
}
