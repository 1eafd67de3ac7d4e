package io.authbench.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

    @Test
    void encode_is_base64_of_compact_json_with_id_then_secret() {
        String encoded = SessionToken.encode("6746b2f1a3c8d9e0f1a2", "ab".repeat(128));

        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"6746b2f1a3c8d9e0f1a2\",\"secret\":\"" + "ab".repeat(128) + "\"}");
    }

    @Test
    void decode_round_trips_and_tolerates_missing_padding_and_stray_characters() {
        String encoded = SessionToken.encode("user1", "cafe");
        SessionToken expected = new SessionToken("user1", "cafe");

        assertThat(SessionToken.decode(encoded)).isEqualTo(expected);
        assertThat(SessionToken.decode(encoded.replace("=", ""))).isEqualTo(expected);
        assertThat(SessionToken.decode(" " + encoded + "\n")).isEqualTo(expected);
    }

    @Test
    void anything_that_is_not_a_json_object_decodes_to_an_empty_token() {
        for (String value : new String[] {null, "", "!!!", "W10=", "bnVsbA==", "eyJpZCI6NX0=", "x"}) {
            assertThat(SessionToken.decode(value).isEmpty())
                    .as(String.valueOf(value))
                    .isTrue();
        }
    }
}
