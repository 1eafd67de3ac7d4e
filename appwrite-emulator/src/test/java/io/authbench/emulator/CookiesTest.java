package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two session cookies, {@code X-Fallback-Cookies}, and where the session is read from (docs/appwrite-behaviour.md:
 * authentication resolution, cookies, X-Fallback-Cookies).
 */
class CookiesTest {
    private static TestEmulator emulator;
    private static Http http;

    @BeforeAll
    static void start() {
        emulator = TestEmulator.start(c -> c.withRateLimits(false));
        http = new Http(emulator.baseUrl());
        Seed.createUser(http, "cookie@example.com");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Http.Response browserLogin() {
        Http.Response response = Seed.browserLogin(http, "cookie@example.com", TestEmulator.PASSWORD);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static String cookieValue(Http.Response response, String name) {
        return response.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    @Test
    void browser_login_returns_an_empty_secret_but_sets_both_cookies_with_their_attributes() {
        Http.Response response = browserLogin();

        assertThat(response.json().path("secret").asText()).isEmpty();
        List<String> cookies = response.headers("Set-Cookie");
        assertThat(cookies).hasSize(2);
        String legacy = cookies.stream()
                .filter(c -> c.startsWith("a_session_authbench_legacy="))
                .findFirst()
                .orElseThrow();
        String modern = cookies.stream()
                .filter(c -> c.startsWith("a_session_authbench="))
                .findFirst()
                .orElseThrow();
        assertThat(legacy)
                .contains("; path=/")
                .contains("; httponly")
                .doesNotContain("samesite")
                .doesNotContain("domain=")
                .doesNotContain("secure");
        assertThat(modern)
                .contains("; path=/")
                .contains("; httponly")
                .endsWith("; samesite=None")
                .doesNotContain("domain=")
                .doesNotContain("secure");
        String expires = legacy.replaceAll(".*expires=([^;]+);.*", "$1");
        ZonedDateTime expiry = ZonedDateTime.parse(
                expires,
                DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss 'GMT'", Locale.ROOT)
                        .withZone(ZoneOffset.UTC));
        assertThat(expiry)
                .isAfter(ZonedDateTime.now().plusDays(364))
                .isBefore(ZonedDateTime.now().plusDays(366));
    }

    @Test
    void cookie_value_is_the_url_encoded_session_and_the_fallback_header_carries_it_too() throws Exception {
        Http.Response response = browserLogin();

        String decoded = URLDecoder.decode(cookieValue(response, "a_session_authbench"), StandardCharsets.UTF_8);
        JsonNode fallback = new ObjectMapper().readTree(response.header("X-Fallback-Cookies"));
        assertThat(fallback.path("a_session_authbench").asText()).isEqualTo(decoded);
        assertThat(cookieValue(response, "a_session_authbench")).doesNotContain("=", "+", "/");
    }

    @Test
    void the_legacy_cookie_alone_authenticates_a_browser() {
        String legacy = cookieValue(browserLogin(), "a_session_authbench_legacy");

        Http.Response me = http.request("GET", "/account")
                .header("Cookie", "a_session_authbench_legacy=" + legacy)
                .send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asText()).isEqualTo("cookie@example.com");
    }

    @Test
    void the_fallback_header_authenticates_when_there_is_no_cookie() {
        String fallback = browserLogin().header("X-Fallback-Cookies");

        Http.Response me = http.request("GET", "/account")
                .header("X-Fallback-Cookies", fallback)
                .send();

        assertThat(me.status()).isEqualTo(200);
    }

    @Test
    void a_cookie_naming_a_session_wins_over_a_valid_fallback_header_even_when_it_is_stale() {
        Http.Response login = browserLogin();
        String tampered = Base64.getEncoder()
                .encodeToString("{\"id\":\"nobody\",\"secret\":\"abc\"}".getBytes(StandardCharsets.UTF_8));

        Http.Response me = http.request("GET", "/account")
                .header("Cookie", "a_session_authbench=" + tampered)
                .header("X-Fallback-Cookies", login.header("X-Fallback-Cookies"))
                .send();

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.type()).isEqualTo("general_unauthorized_scope");
    }

    @Test
    void logout_expires_both_cookies_and_clears_the_fallback() {
        Http.Response login = browserLogin();
        String cookie = "a_session_authbench_legacy=" + cookieValue(login, "a_session_authbench_legacy");

        Http.Response logout = http.request("DELETE", "/account/sessions/current")
                .header("Origin", "http://localhost:3000")
                .header("Cookie", cookie)
                .json("{}")
                .send();

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.body()).isEmpty();
        assertThat(logout.header("Content-Type")).isNull();
        assertThat(logout.header("X-Fallback-Cookies")).isEqualTo("[]");
        assertThat(logout.headers("Set-Cookie"))
                .hasSize(2)
                .allSatisfy(c -> assertThat(c)
                        .contains("expires=Thu, 01-Jan-1970 00:00:01 GMT")
                        .contains("; path=/")
                        .contains("; httponly"));
        assertThat(http.request("GET", "/account")
                        .header("Cookie", cookie)
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void cleared_fallback_header_names_no_session() {
        Http.Response me = http.request("GET", "/account")
                .header("X-Fallback-Cookies", "[]")
                .send();

        assertThat(me.status()).isEqualTo(401);
    }

    @Test
    void a_named_https_api_host_gets_a_domain_and_secure_cookies() {
        Http.Response response = http.request("POST", "/account/sessions/email")
                .header("X-Forwarded-Host", "api.example.com")
                .header("X-Forwarded-Proto", "https")
                .header("Origin", "https://app.example.com")
                .json("{\"email\":\"cookie@example.com\",\"password\":\"password123\"}")
                .send();

        // app.example.com is not a platform, so this browser write is refused; allow it by making it same-host:
        assertThat(response.type()).isEqualTo("general_unknown_origin");

        Http.Response sameSite = http.request("POST", "/account/sessions/email")
                .header("X-Forwarded-Host", "api.example.com")
                .header("X-Forwarded-Proto", "https")
                .header("Origin", "https://api.example.com")
                .json("{\"email\":\"cookie@example.com\",\"password\":\"password123\"}")
                .send();
        assertThat(sameSite.status()).isEqualTo(201);
        assertThat(sameSite.headers("Set-Cookie"))
                .allSatisfy(
                        c -> assertThat(c).contains("; domain=.api.example.com").contains("; secure"));
        // Same registrable domain: no localStorage fallback is needed, so none is sent.
        assertThat(sameSite.header("X-Fallback-Cookies")).isNull();
    }

    @Test
    void server_sdk_logins_without_an_origin_still_get_cookies_and_the_fallback_header() {
        Http.Response response = http.request("POST", "/account/sessions/email")
                .key()
                .json("{\"email\":\"cookie@example.com\",\"password\":\"password123\"}")
                .send();

        assertThat(response.headers("Set-Cookie")).hasSize(2);
        assertThat(response.header("X-Fallback-Cookies")).contains("a_session_authbench");
        assertThat(response.json().path("secret").asText()).isNotEmpty();
    }

    @Test
    void a_second_login_while_a_session_is_present_is_refused() {
        String fallback = browserLogin().header("X-Fallback-Cookies");

        Http.Response again = http.request("POST", "/account/sessions/email")
                .header("X-Fallback-Cookies", fallback)
                .json("{\"email\":\"cookie@example.com\",\"password\":\"password123\"}")
                .send();

        assertThat(again.status()).isEqualTo(401);
        assertThat(again.type()).isEqualTo("user_session_already_exists");
    }
}
