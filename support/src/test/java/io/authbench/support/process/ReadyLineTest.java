package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ReadyLineTest {
    @Test
    void base_url_with_and_without_path_is_accepted() {
        assertThat(ReadyLine.url("LISTENING http://127.0.0.1:41234")).contains(URI.create("http://127.0.0.1:41234"));
        assertThat(ReadyLine.url("LISTENING http://127.0.0.1:41234/v1 "))
                .contains(URI.create("http://127.0.0.1:41234/v1"));
        assertThat(ReadyLine.url("LISTENING https://localhost:8443")).contains(URI.create("https://localhost:8443"));
    }

    @Test
    void url_without_port_or_http_scheme_or_at_all_is_rejected() {
        assertThat(ReadyLine.url("LISTENING http://127.0.0.1")).isEmpty();
        assertThat(ReadyLine.url("LISTENING ftp://127.0.0.1:21")).isEmpty();
        assertThat(ReadyLine.url("LISTENING not a url")).isEmpty();
        assertThat(ReadyLine.url("LISTENING ")).isEmpty();
    }

    @Test
    void only_lines_starting_with_the_keyword_count() {
        assertThat(ReadyLine.isReadyLine("LISTENING http://127.0.0.1:1")).isTrue();
        assertThat(ReadyLine.isReadyLine("INFO LISTENING http://127.0.0.1:1")).isFalse();
        assertThat(ReadyLine.isReadyLine("listening http://127.0.0.1:1")).isFalse();
    }

    @Test
    void exit_codes_from_signals_are_explained() {
        assertThat(ExitCodes.describe(3)).isEqualTo("code 3");
        assertThat(ExitCodes.describe(137)).isEqualTo("code 137 (killed by signal 9, SIGKILL)");
        assertThat(ExitCodes.describe(143)).isEqualTo("code 143 (killed by signal 15, SIGTERM)");
    }
}
