package io.authbench.harness.measure;

import static io.authbench.harness.measure.Exchanges.app;
import static io.authbench.harness.measure.Exchanges.appwrite;
import static io.authbench.harness.measure.Exchanges.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.ServerTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
    @Test
    void ssr_login_counts_each_browser_round_trip_plus_the_servers_appwrite_calls() {
        Exchange post = app("POST", "/login", 0, 40, 900, new ServerTiming("aw-create-session", 30));
        Exchange dashboard = app("GET", "/dashboard", 41, 60, 1300, new ServerTiming("aw-get-account", 5));
        CriticalPath path = CriticalPath.of(List.of(post, dashboard), 0, 70);
        assertThat(path.depth()).isEqualTo(4);
        assertThat(path.chain()).containsExactly(post, dashboard);
    }

    @Test
    void a_preflight_reported_inside_its_request_is_a_round_trip_of_its_own() {
        // Chromium announces the POST first and its preflight inside it; on the wire the preflight goes first.
        Exchange post = appwrite("POST", "/v1/account/sessions/email", 10, 100, 3000);
        Exchange options = preflight("/v1/account/sessions/email", 12, 30);
        Exchange account = appwrite("GET", "/v1/account", 101, 120, 1600);
        CriticalPath path = CriticalPath.of(List.of(post, options, account), 0, 130);
        assertThat(path.depth()).isEqualTo(3);
        assertThat(path.chain()).containsExactly(options, post, account);
    }

    @Test
    void parallel_requests_add_one_round_trip_between_them() {
        Exchange css = app("GET", "/app.css", 0, 20, 100);
        Exchange js = app("GET", "/app.js", 1, 25, 100);
        Exchange data = appwrite("GET", "/v1/account", 26, 40, 100);
        assertThat(CriticalPath.of(List.of(css, js, data), 0, 50).depth()).isEqualTo(2);
    }

    @Test
    void requests_before_the_action_or_after_the_content_are_not_on_the_path() {
        Exchange before = app("GET", "/login", -50, -40, 100);
        Exchange late = app("GET", "/favicon.ico", 60, 70, 100);
        Exchange inside = app("GET", "/dashboard", 5, 20, 100);
        CriticalPath path = CriticalPath.of(List.of(before, late, inside), 0, 50);
        assertThat(path.chain()).containsExactly(inside);
    }

    @Test
    void nothing_measured_gives_depth_zero() {
        assertThat(CriticalPath.of(List.of(), 0, 10).depth()).isZero();
    }
}
