package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTimingTest {
    @Test
    void parses_the_ssr_apps_entries_in_call_order() {
        List<ServerTiming> entries = ServerTiming.parse("aw-create-session;dur=12.3, aw-get-account;dur=1.1");
        assertThat(entries)
                .containsExactly(new ServerTiming("aw-create-session", 12.3), new ServerTiming("aw-get-account", 1.1));
        assertThat(entries).allMatch(ServerTiming::isAppwriteCall);
    }

    @Test
    void joined_headers_and_entries_without_duration_are_kept() {
        List<ServerTiming> entries = ServerTiming.parse("render;desc=\"x\"\naw-get-account-2;dur=\"3.5\"");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).isAppwriteCall()).isFalse();
        assertThat(entries.get(0).durationMs()).isNaN();
        assertThat(entries.get(1).durationMs()).isEqualTo(3.5);
    }

    @Test
    void a_missing_or_malformed_header_gives_no_entries_and_no_exception() {
        assertThat(ServerTiming.parse(null)).isEmpty();
        assertThat(ServerTiming.parse(" , ;dur=1")).isEmpty();
        assertThat(ServerTiming.parse("aw-x;dur=abc").get(0).durationMs()).isNaN();
    }
}
