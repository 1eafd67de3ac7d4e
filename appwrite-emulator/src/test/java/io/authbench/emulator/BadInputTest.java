package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.emulator.auth.ApiKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input gets the Appwrite error a real server gives, never a stack trace or a hang, and changes
 * nothing: the user and session counts are checked after each case.
 */
class BadInputTest {
    private static TestEmulator emulator;
    private static Http http;
    private static String goodSession;

    @BeforeAll
    static void start() {
        emulator = TestEmulator.start(c -> c.withRateLimits(false).withMaxBodyBytes(4096));
        http = new Http(emulator.baseUrl());
        Seed.createUser(http, "bad@example.com");
        goodSession = Seed.keySession(http, "bad@example.com");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Sends a request and asserts it failed with {@code type} and changed no user or session. */
    private static Http.Response assertRejected(Http.Request request, int status, String type) {
        int users = emulator.server().project().store().userCount();
        int sessions = emulator.server().project().store().sessionCount();
        Http.Response response = request.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.type()).isEqualTo(type);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "io.authbench");
        assertThat(emulator.server().project().store().userCount()).isEqualTo(users);
        assertThat(emulator.server().project().store().sessionCount()).isEqualTo(sessions);
        return response;
    }

    private static Http.Request login() {
        return http.request("POST", "/account/sessions/email");
    }

    private static Http.Request createUser() {
        return http.request("POST", "/users").key();
    }

    @Test
    void malformed_json_counts_as_an_empty_body() {
        Http.Response response =
                assertRejected(login().json("{\"email\": \"bad@example.com\","), 400, "general_argument_invalid");
        assertThat(response.message()).isEqualTo("Param \"email\" is not optional.");
    }

    @Test
    void empty_and_non_object_bodies_name_the_missing_parameter() {
        assertThat(assertRejected(login().json(""), 400, "general_argument_invalid")
                        .message())
                .isEqualTo("Param \"email\" is not optional.");
        assertRejected(login().json("[1,2]"), 400, "general_argument_invalid");
        assertRejected(login().json("\"text\""), 400, "general_argument_invalid");
        assertRejected(login().json("null"), 400, "general_argument_invalid");
    }

    @Test
    void a_json_body_with_a_non_json_content_type_is_ignored() {
        Http.Response response = assertRejected(
                login().header("Content-Type", "text/plain")
                        .body("{\"email\":\"bad@example.com\",\"password\":\"password123\"}"),
                400,
                "general_argument_invalid");
        assertThat(response.message()).isEqualTo("Param \"email\" is not optional.");
        assertRejected(
                login().body("{\"email\":\"bad@example.com\",\"password\":\"password123\"}"),
                400,
                "general_argument_invalid");
    }

    @Test
    void a_form_body_is_read_as_parameters() {
        Http.Response response = http.request("POST", "/account/sessions/email")
                .key()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("email=bad%40example.com&password=password123")
                .send();

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void missing_password_is_named() {
        assertThat(assertRejected(login().json("{\"email\":\"bad@example.com\"}"), 400, "general_argument_invalid")
                        .message())
                .isEqualTo("Param \"password\" is not optional.");
    }

    @Test
    void wrongly_typed_fields_are_invalid_parameters() {
        assertThat(assertRejected(
                                login().json("{\"email\":42,\"password\":\"password123\"}"),
                                400,
                                "general_argument_invalid")
                        .message())
                .isEqualTo("Invalid `email` param: Value must be a valid email address");
        assertRejected(
                login().json("{\"email\":\"bad@example.com\",\"password\":12345678}"), 400, "general_argument_invalid");
        assertRejected(
                login().json("{\"email\":{\"$ne\":null},\"password\":\"password123\"}"),
                400,
                "general_argument_invalid");
    }

    @Test
    void invalid_emails_are_refused() {
        for (String email : new String[] {
            "plain", "a@", "@b.c", "a b@c.de", "a@localhost", "a@-x.com", "a..b@c.de", "x".repeat(65) + "@example.com"
        }) {
            Http.Response response = assertRejected(
                    login().json("{\"email\":\"" + email + "\",\"password\":\"password123\"}"),
                    400,
                    "general_argument_invalid");
            assertThat(response.message())
                    .as(email)
                    .isEqualTo("Invalid `email` param: Value must be a valid email address");
        }
    }

    @Test
    void oversized_fields_are_refused() {
        String longPassword = "p".repeat(257);
        assertRejected(
                login().json("{\"email\":\"bad@example.com\",\"password\":\"" + longPassword + "\"}"),
                400,
                "general_argument_invalid");
        assertThat(assertRejected(
                                createUser()
                                        .json("{\"userId\":\"unique()\",\"email\":\"n@example.com\"," + "\"name\":\""
                                                + "n".repeat(129) + "\"}"),
                                400,
                                "general_argument_invalid")
                        .message())
                .startsWith("Invalid `name` param:");
        assertThat(assertRejected(
                                createUser().json("{\"userId\":\"" + "i".repeat(37) + "\"}"),
                                400,
                                "general_argument_invalid")
                        .message())
                .startsWith("Invalid `userId` param:");
        assertRejected(createUser().json("{\"userId\":\"_starts-special\"}"), 400, "general_argument_invalid");
        assertRejected(
                createUser().json("{\"userId\":\"unique()\",\"phone\":\"12345\"}"), 400, "general_argument_invalid");
        assertThat(assertRejected(createUser().json("{}"), 400, "general_argument_invalid")
                        .message())
                .isEqualTo("Param \"userId\" is not optional.");
    }

    @Test
    void a_body_over_the_limit_gets_413_by_declared_length() {
        String big = "{\"email\":\"bad@example.com\",\"password\":\"" + "p".repeat(5000) + "\"}";

        Http.Response response = assertRejected(login().json(big), 413, "general_payload_too_large");

        assertThat(response.message()).contains("4096 bytes").contains("--max-body-bytes");
    }

    @Test
    void a_chunked_body_over_the_limit_gets_413_without_a_hang() throws IOException {
        int sessions = emulator.server().project().store().sessionCount();
        URI uri = URI.create(emulator.baseUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String chunk = "x".repeat(3000);
            String request = "POST /v1/account/sessions/email HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Appwrite-Project: authbench\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
        assertThat(emulator.server().project().store().sessionCount()).isEqualTo(sessions);
    }

    @Test
    void unknown_projects_are_refused() {
        assertRejected(
                login().withoutProjectHeader()
                        .header("X-Appwrite-Project", "other")
                        .json("{\"email\":\"bad@example.com\",\"password\":\"password123\"}"),
                404,
                "project_not_found");
    }

    @Test
    void invalid_and_expired_keys_are_refused() {
        assertRejected(
                http.request("POST", "/users")
                        .header("X-Appwrite-Key", TestEmulator.API_KEY + "0")
                        .json("{\"userId\":\"unique()\"}"),
                401,
                "user_unauthorized");
        assertRejected(
                http.request("POST", "/users").header("X-Appwrite-Key", "abc").json("{\"userId\":\"unique()\"}"),
                401,
                "user_unauthorized");
        try (TestEmulator expired = TestEmulator.start(c -> c.withApiKey(new ApiKey(
                TestEmulator.API_KEY, Set.of("users.write"), Instant.now().minusSeconds(1))))) {
            Http.Response response = new Http(expired.baseUrl())
                    .request("POST", "/users")
                    .key()
                    .json("{\"userId\":\"unique()\",\"email\":\"x@example.com\"}")
                    .send();
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.type()).isEqualTo("project_key_expired");
            assertThat(expired.server().project().store().userCount()).isZero();
        }
    }

    @Test
    void a_key_without_the_needed_scope_is_refused_with_the_app_identity() {
        try (TestEmulator narrow = TestEmulator.start(
                c -> c.withApiKey(new ApiKey(TestEmulator.API_KEY, Set.of("sessions.write"), null)))) {
            Http.Response response = new Http(narrow.baseUrl())
                    .request("POST", "/users")
                    .key()
                    .json("{\"userId\":\"unique()\"}")
                    .send();
            assertThat(response.type()).isEqualTo("general_unauthorized_scope");
            assertThat(response.message())
                    .isEqualTo("app.authbench@service.127.0.0.1 (role: applications) missing scope (users.write)");
        }
    }

    @Test
    void a_key_and_a_session_together_are_refused() {
        assertRejected(
                login().key()
                        .header("X-Appwrite-Session", goodSession)
                        .json("{\"email\":\"bad@example.com\",\"password\":\"password123\"}"),
                403,
                "user_key_and_session_set");
    }

    @Test
    void tampered_and_truncated_sessions_name_no_user() {
        String secretJson = new String(Base64.getDecoder().decode(goodSession), StandardCharsets.UTF_8);
        String flipped = Base64.getEncoder()
                .encodeToString(secretJson
                        .replaceFirst(
                                "\"secret\":\"(.)",
                                "\"secret\":\"" + (secretJson.contains("\"secret\":\"0") ? "1" : "0"))
                        .getBytes(StandardCharsets.UTF_8));
        String otherUser = Base64.getEncoder()
                .encodeToString(secretJson
                        .replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"someoneelse\"")
                        .getBytes(StandardCharsets.UTF_8));
        for (String session : new String[] {
            goodSession.substring(0, goodSession.length() / 2),
            flipped,
            otherUser,
            "not base64 at all!",
            "e30=",
            Base64.getEncoder().encodeToString("[]".getBytes()),
            "%%%",
            Base64.getEncoder()
                    .encodeToString(secretJson.replaceAll("[0-9a-f]{256}", "").getBytes())
        }) {
            Http.Response response = assertRejected(
                    http.request("GET", "/account").header("X-Appwrite-Session", session),
                    401,
                    "general_unauthorized_scope");
            assertThat(response.message()).isEqualTo("User (role: guests) missing scope (account)");
        }
        assertThat(http.request("GET", "/account")
                        .header("X-Appwrite-Session", goodSession)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_raw_secret_instead_of_the_encoded_session_is_a_guest() {
        String raw = new String(Base64.getDecoder().decode(goodSession), StandardCharsets.UTF_8)
                .replaceAll(".*\"secret\":\"([0-9a-f]+)\".*", "$1");

        assertRejected(
                http.request("GET", "/account").header("X-Appwrite-Session", raw), 401, "general_unauthorized_scope");
    }

    @Test
    void garbage_fallback_cookies_are_ignored() {
        for (String fallback : new String[] {"{", "null", "{\"a_session_authbench\":5}", "[1]", "\"x\""}) {
            assertRejected(
                    http.request("GET", "/account").header("X-Fallback-Cookies", fallback),
                    401,
                    "general_unauthorized_scope");
        }
    }

    @Test
    void duplicated_content_type_on_get_and_an_empty_json_body_on_delete_are_tolerated() {
        Http.Response get = http.request("GET", "/account")
                .header("X-Appwrite-Session", goodSession)
                .header("Content-Type", "application/json")
                .header("Content-Type", "application/json")
                .send();

        assertThat(get.status()).isEqualTo(200);
    }
}
