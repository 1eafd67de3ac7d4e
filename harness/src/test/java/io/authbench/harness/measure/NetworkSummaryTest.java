package io.authbench.harness.measure;

import static io.authbench.harness.measure.Exchanges.app;
import static io.authbench.harness.measure.Exchanges.appwrite;
import static io.authbench.harness.measure.Exchanges.cached;
import static io.authbench.harness.measure.Exchanges.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.ServerTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSummaryTest {
    @Test
    void splits_requests_and_bytes_per_destination_and_counts_preflights_and_calls() {
        Exchange redirect = new Exchange(
                "http://localhost:4000/login",
                "POST",
                "Document",
                false,
                true,
                false,
                0,
                10,
                303,
                500,
                null,
                List.of(new ServerTiming("aw-create-session", 7.5)),
                false);
        List<Exchange> exchanges = List.of(
                app("GET", "/login", -100, -90, 1000),
                redirect,
                app("GET", "/dashboard", 11, 20, 1300, new ServerTiming("aw-get-account", 2.5)),
                preflight("/v1/account", 12, 14),
                appwrite("GET", "/v1/account", 12, 18, 1600),
                cached("/assets/app.js", 13));
        NetworkSummary summary = NetworkSummary.of(exchanges, Exchanges.destinations(), -100, 0, 30);
        assertThat(summary.requests()).isEqualTo(5);
        assertThat(summary.requestsApp()).isEqualTo(3);
        assertThat(summary.bytesApp()).isEqualTo(2800);
        assertThat(summary.requestsAppwrite()).isEqualTo(2);
        assertThat(summary.bytesAppwrite()).isEqualTo(1600);
        assertThat(summary.bytes()).isEqualTo(4400);
        assertThat(summary.preflights()).isEqualTo(1);
        assertThat(summary.redirects()).isEqualTo(1);
        assertThat(summary.appwriteCallsBrowser()).isEqualTo(1);
        assertThat(summary.appwriteCallsServer()).isEqualTo(2);
        assertThat(summary.serverTimingMs()).isEqualTo(10.0);
        assertThat(summary.cacheableResponses()).isZero();
    }

    @Test
    void cache_hits_are_not_requests_and_only_storable_responses_count_as_cacheable() {
        Exchange storable = new Exchange(
                "http://localhost:4000/assets/app.css",
                "GET",
                "Stylesheet",
                false,
                false,
                false,
                0,
                5,
                200,
                2000,
                "public, max-age=31536000, immutable",
                List.of(),
                false);
        NetworkSummary summary = NetworkSummary.of(
                List.of(storable, cached("/assets/app.js", 1), appwrite("GET", "/v1/account", 6, 9, 100)),
                Exchanges.destinations(),
                0,
                0,
                10);
        assertThat(summary.requests()).isEqualTo(2);
        assertThat(summary.cacheableResponses()).isEqualTo(1);
    }

    @Test
    void script_bytes_count_javascript_only() {
        Exchange script = new Exchange(
                "http://localhost:4000/assets/app.js",
                "GET",
                "Script",
                false,
                false,
                false,
                0,
                5,
                200,
                10_000,
                null,
                List.of(),
                false);
        NetworkSummary summary = NetworkSummary.of(
                List.of(script, app("GET", "/login", 0, 3, 1000)), Exchanges.destinations(), 0, 0, 10);
        assertThat(summary.scriptBytes()).isEqualTo(10_000);
    }
}
