package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS preflights, CORS headers on actual responses, and the origin check on browser writes
 * (docs/appwrite-behaviour.md#cors).
 */
class CorsTest {
    private static final String PREFLIGHT_ALLOW_HEADERS = "Origin, Cookie, Set-Cookie, X-Requested-With, "
            + "Content-Type, Access-Control-Allow-Origin, Access-Control-Request-Headers, Accept, X-Appwrite-Project, "
            + "X-Appwrite-Key, X-Appwrite-Locale, X-Appwrite-Mode, X-Appwrite-JWT, X-Appwrite-Response-Format, "
            + "X-Appwrite-Timeout, X-SDK-Version, X-SDK-Name, X-SDK-Language, X-SDK-Platform, X-SDK-GraphQL, "
            + "X-Appwrite-ID, X-Appwrite-Timestamp, Content-Range, Range, Cache-Control, Expires, Pragma, "
            + "X-Appwrite-Session, X-Fallback-Cookies, X-Forwarded-For, X-Forwarded-User-Agent";

    private static TestEmulator emulator;
    private static Http http;

    @BeforeAll
    static void start() {
        emulator = TestEmulator.start(c -> c.withPlatforms(List.of("app.example.com", "*.trusted.test")));
        http = new Http(emulator.baseUrl());
        Seed.createUser(http, "cors@example.com");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void preflight_on_any_path_echoes_the_origin_with_204_and_no_max_age() {
        for (String path : new String[] {"/v1/account/sessions/email", "/v1/account", "/no/such/route"}) {
            Http.Response response = http.bare("OPTIONS", emulator.rootUrl() + path)
                    .header("Origin", "http://evil.example.org")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type,x-appwrite-project,x-fallback-cookies")
                    .send();

            assertThat(response.status()).as(path).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://evil.example.org");
            assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, PATCH, DELETE");
            assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo(PREFLIGHT_ALLOW_HEADERS);
            assertThat(response.header("Access-Control-Expose-Headers"))
                    .isEqualTo("X-Appwrite-Session, X-Fallback-Cookies");
            assertThat(response.header("Access-Control-Max-Age")).isNull();
            assertThat(response.header("Vary")).isNull();
        }
    }

    @Test
    void actual_response_echoes_localhost_origins_with_their_port() {
        Http.Response response = http.request("GET", "/account")
                .header("Origin", "http://localhost:3000")
                .send();

        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Expose-Headers"))
                .isEqualTo("X-Appwrite-Session, X-Fallback-Cookies");
        assertThat(response.header("Access-Control-Allow-Headers")).doesNotContain("X-Fallback-Cookies");
    }

    @Test
    void actual_response_echoes_configured_platforms_including_wildcard_subdomains() {
        assertThat(http.request("GET", "/account")
                        .header("Origin", "https://app.example.com")
                        .send()
                        .header("Access-Control-Allow-Origin"))
                .isEqualTo("https://app.example.com");
        assertThat(http.request("GET", "/account")
                        .header("Origin", "http://a.trusted.test:8080")
                        .send()
                        .header("Access-Control-Allow-Origin"))
                .isEqualTo("http://a.trusted.test:8080");
        assertThat(http.request("GET", "/account")
                        .header("Origin", "http://trusted.test")
                        .send()
                        .header("Access-Control-Allow-Origin"))
                .isEqualTo("http://localhost");
    }

    @Test
    void actual_response_to_an_unknown_origin_names_localhost_so_the_browser_refuses_it() {
        Http.Response response = http.request("GET", "/account")
                .header("Origin", "https://evil.example.org")
                .send();

        assertThat(response.status()).isEqualTo(401); // GETs are not refused server-side
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://localhost");
    }

    @Test
    void the_api_host_itself_is_an_allowed_origin() {
        Http.Response response = http.request("GET", "/account")
                .header("Origin", "http://127.0.0.1:9999")
                .send();

        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:9999");
    }

    @Test
    void browser_write_from_an_unknown_origin_is_refused_before_anything_else() {
        int usersBefore = emulator.server().project().store().userCount();

        Http.Response response = http.request("POST", "/account")
                .header("Origin", "https://evil.example.org")
                .json("{\"userId\":\"unique()\",\"email\":\"evil@example.com\",\"password\":\"password123\"}")
                .send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.type()).isEqualTo("general_unknown_origin");
        assertThat(response.message())
                .isEqualTo("Invalid Origin. Register your new client (evil.example.org) as a "
                        + "new Web platform on your project console dashboard");
        assertThat(emulator.server().project().store().userCount()).isEqualTo(usersBefore);
    }

    @Test
    void the_referer_stands_in_for_a_missing_origin() {
        Http.Response response = http.request("POST", "/account/sessions/email")
                .header("Referer", "https://evil.example.org/login")
                .json("{\"email\":\"cors@example.com\",\"password\":\"password123\"}")
                .send();

        assertThat(response.type()).isEqualTo("general_unknown_origin");
    }

    @Test
    void an_api_key_skips_the_origin_check() {
        Http.Response response = http.request("POST", "/account/sessions/email")
                .key()
                .header("Origin", "https://evil.example.org")
                .json("{\"email\":\"cors@example.com\",\"password\":\"password123\"}")
                .send();

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void errors_carry_the_cors_headers_too() {
        Http.Response response = http.request("GET", "/nothing/here")
                .header("Origin", "http://localhost:3000")
                .send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    }
}
