package io.authbench.ssr.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void control_characters_cannot_start_a_forged_log_line() {
        assertThat(LogText.safe("/x\nssr-app: GET /admin 200")).isEqualTo("/x?ssr-app: GET /admin 200");
    }

    @Test
    void long_text_is_cut() {
        assertThat(LogText.safe("a".repeat(500))).hasSize(203).endsWith("...");
        assertThat(LogText.safe(null)).isEmpty();
    }
}
