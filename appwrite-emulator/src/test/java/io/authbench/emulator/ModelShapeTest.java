package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's models against golden bodies from the contract (src/test/resources/emulator/golden): the same keys
 * in the same order with the same JSON types, nested objects included. A missing, reordered, null or wrongly typed
 * field fails here instead of hanging the Kotlin SDK.
 */
class ModelShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestEmulator emulator;
    private static Http http;
    private static String userId;

    @BeforeAll
    static void start() {
        emulator = TestEmulator.start();
        http = new Http(emulator.baseUrl());
        userId = Seed.createUser(http, "shape@example.com");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void user_model_has_the_golden_shape() throws IOException {
        assertSameShape(http.request("GET", "/users/" + userId).key().send().json(), golden("user.json"), "user");
    }

    @Test
    void account_model_has_the_golden_shape() throws IOException {
        String session = Seed.keySession(http, "shape@example.com");

        JsonNode account = http.request("GET", "/account")
                .header("X-Appwrite-Session", session)
                .send()
                .json();

        assertSameShape(account, golden("account.json"), "account");
    }

    @Test
    void browser_session_model_has_the_golden_shape() throws IOException {
        JsonNode session = Seed.browserLogin(http, "shape@example.com", TestEmulator.PASSWORD)
                .json();

        assertSameShape(session, golden("session.json"), "session");
    }

    @Test
    void error_model_has_the_golden_shape_and_values() throws IOException {
        JsonNode error =
                Seed.browserLogin(http, "shape@example.com", "wrong-password").json();

        assertThat(error).isEqualTo(golden("error.json"));
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = ModelShapeTest.class.getResourceAsStream("/emulator/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static void assertSameShape(JsonNode actual, JsonNode expected, String path) {
        assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
        if (expected.isObject()) {
            assertThat(fieldNames(actual)).as(path + " keys in order").containsExactlyElementsOf(fieldNames(expected));
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertSameShape(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            assertThat(actual).as(path).isNotEmpty();
            for (JsonNode element : actual) {
                assertSameShape(element, expected.get(0), path + "[]");
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
