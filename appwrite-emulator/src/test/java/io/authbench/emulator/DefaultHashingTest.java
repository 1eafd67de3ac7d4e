package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.emulator.crypto.PasswordHashing;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --password-hash fast}, users are hashed at Appwrite's real cost
 * (docs/appwrite-behaviour.md#password-hashing-and-cost).
 */
class DefaultHashingTest {

    @Test
    void the_default_setting_hashes_with_argon2id_m65536_t4_p3_and_reports_appwrites_options() {
        try (TestEmulator emulator = TestEmulator.start(c -> c.withPasswordHashing(PasswordHashing.APPWRITE))) {
            Http http = new Http(emulator.baseUrl());

            Http.Response user = http.request("POST", "/users")
                    .key()
                    .json("{\"userId\":\"unique()\",\"email\":\"real@example.com\",\"password\":\"password123\"}")
                    .send();

            assertThat(user.json().path("password").asText())
                    .matches("\\$argon2id\\$v=19\\$m=65536,t=4,p=3\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
            assertThat(user.json().path("hashOptions").toString())
                    .isEqualTo("{\"type\":\"argon2\",\"memoryCost\":2048,\"timeCost\":4,\"threads\":3}");
            assertThat(Seed.keySession(http, "real@example.com")).isNotEmpty();
        }
    }
}
