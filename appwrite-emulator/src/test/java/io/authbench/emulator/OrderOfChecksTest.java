package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Error shape and which error wins when several apply (docs/appwrite-behaviour.md: order of checks, error model, error
 * types).
 */
class OrderOfChecksTest {
    private static TestEmulator emulator;
    private static Http http;

    @BeforeAll
    static void start() {
        emulator = TestEmulator.start();
        http = new Http(emulator.baseUrl());
        Seed.createUser(http, "order@example.com");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void errors_have_message_code_type_and_version_in_that_order_and_are_not_cached() {
        Http.Response response = http.request("GET", "/account").send();

        JsonNode error = response.json();
        List<String> keys = new ArrayList<>();
        error.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("message", "code", "type", "version");
        assertThat(error.path("code").isInt()).isTrue();
        assertThat(error.path("code").asInt()).isEqualTo(response.status());
        assertThat(error.path("version").asText()).isEqualTo("1.6.2");
        assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache, no-store, must-revalidate");
        assertThat(response.header("Pragma")).isEqualTo("no-cache");
        assertThat(response.header("Expires")).isEqualTo("0");
    }

    @Test
    void unknown_routes_and_methods_give_general_route_not_found() {
        for (String[] call : new String[][] {
            {"GET", "/nothing"},
            {"PUT", "/account"},
            {"PATCH", "/users"},
            {"FOO", "/account"},
            {"POST", "/account/sessions/current"}
        }) {
            Http.Response response = http.request(call[0], call[1]).send();
            assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertThat(response.type()).isEqualTo("general_route_not_found");
        }
    }

    @Test
    void unknown_project_wins_over_a_bad_key_and_an_unknown_route() {
        Http.Response response = http.request("POST", "/nothing")
                .withoutProjectHeader()
                .header("X-Appwrite-Project", "nope")
                .header("X-Appwrite-Key", "standard_wrong")
                .send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.type()).isEqualTo("project_not_found");
    }

    @Test
    void unknown_origin_wins_over_an_unknown_project() {
        Http.Response response = http.request("POST", "/account/sessions/email")
                .withoutProjectHeader()
                .header("X-Appwrite-Project", "nope")
                .header("Origin", "https://evil.example.org")
                .json("{}")
                .send();

        assertThat(response.type()).isEqualTo("general_unknown_origin");
    }

    @Test
    void project_may_come_from_the_query_string() {
        Http.Response response = http.request("GET", "/nothing?project=nope")
                .withoutProjectHeader()
                .send();

        assertThat(response.type()).isEqualTo("project_not_found");
    }

    @Test
    void a_request_without_project_uses_the_empty_console_project() {
        Http.Response login = http.request("POST", "/account/sessions/email")
                .withoutProjectHeader()
                .json("{\"email\":\"order@example.com\",\"password\":\"password123\"}")
                .send();
        Http.Response keyed =
                http.request("GET", "/users/abc").withoutProjectHeader().key().send();

        assertThat(login.type()).isEqualTo("user_invalid_credentials");
        assertThat(keyed.type()).isEqualTo("user_unauthorized");
    }

    @Test
    void key_and_valid_session_together_win_over_a_wrong_key() {
        String session = Seed.keySession(http, "order@example.com");

        Http.Response response = http.request("GET", "/account")
                .header("X-Appwrite-Session", session)
                .header("X-Appwrite-Key", "standard_wrong")
                .send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.type()).isEqualTo("user_key_and_session_set");
    }

    @Test
    void an_unknown_key_gives_user_unauthorized_before_the_scope_check() {
        Http.Response response = http.request("GET", "/account")
                .header("X-Appwrite-Key", "standard_wrong")
                .send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.type()).isEqualTo("user_unauthorized");
        assertThat(response.message()).isEqualTo("The current user is not authorized to perform the requested action.");
    }

    @Test
    void a_key_of_unknown_type_is_a_guest_key_and_fails_the_scope_check() {
        Http.Response response = http.request("POST", "/users")
                .header("X-Appwrite-Key", "weird_abc")
                .json("{\"userId\":\"unique()\"}")
                .send();

        assertThat(response.type()).isEqualTo("general_unauthorized_scope");
        assertThat(response.message()).isEqualTo("User (role: guests) missing scope (users.write)");
    }

    @Test
    void a_signed_in_user_lacks_the_users_scopes() {
        String session = Seed.keySession(http, "order@example.com");

        Http.Response response = http.request("GET", "/users/abc")
                .header("X-Appwrite-Session", session)
                .send();

        assertThat(response.type()).isEqualTo("general_unauthorized_scope");
        assertThat(response.message()).isEqualTo("order@example.com (role: users) missing scope (users.read)");
    }

    @Test
    void scope_error_wins_over_invalid_parameters() {
        Http.Response response =
                http.request("POST", "/users").json("{\"userId\":\"!!\"}").send();

        assertThat(response.type()).isEqualTo("general_unauthorized_scope");
    }

    @Test
    void session_already_exists_wins_over_invalid_parameters_and_credentials() {
        String session = Seed.keySession(http, "order@example.com");

        Http.Response response = http.request("POST", "/account/sessions/email")
                .header("X-Appwrite-Session", session)
                .json("{\"email\":\"not-an-email\"}")
                .send();

        assertThat(response.type()).isEqualTo("user_session_already_exists");
    }

    @Test
    void invalid_parameters_win_over_credentials() {
        Http.Response response = http.request("POST", "/account/sessions/email")
                .json("{\"email\":\"order@example.com\",\"password\":\"short\"}")
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.type()).isEqualTo("general_argument_invalid");
        assertThat(response.message())
                .isEqualTo("Invalid `password` param: Password must be between 8 and 256 characters long.");
    }

    @Test
    void deleting_an_unknown_session_gives_user_session_not_found() {
        String session = Seed.keySession(http, "order@example.com");

        Http.Response response = http.request("DELETE", "/account/sessions/0123456789abcdef0123")
                .header("X-Appwrite-Session", session)
                .json("{}")
                .send();
        Http.Response get = http.request("GET", "/account/sessions/0123456789abcdef0123")
                .header("X-Appwrite-Session", session)
                .send();

        assertThat(response.type()).isEqualTo("user_session_not_found");
        assertThat(get.status()).isEqualTo(404);
    }

    @Test
    void get_current_session_returns_it_with_the_secret_hidden() {
        String session = Seed.keySession(http, "order@example.com");

        Http.Response response = http.request("GET", "/account/sessions/current")
                .header("X-Appwrite-Session", session)
                .send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("current").asBoolean()).isTrue();
        assertThat(response.json().path("secret").asText()).isEmpty();
        assertThat(response.json().size()).isEqualTo(29);
    }
}
