package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.authbench.reports.results.Environment;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection set-up counts per browser link and their round trips in the expected-time model, computed by hand. */
class ConnectionSetUpTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final NetworkLink APP = NetworkLink.BROWSER_APP;
    private static final NetworkLink AW = NetworkLink.BROWSER_APPWRITE;

    /** A network request on {@code link}; {@code newConnection} null = the browser did not say. */
    private static ObservedRequest request(
            NetworkLink link,
            String path,
            boolean critical,
            boolean preflight,
            String protocol,
            Boolean newConnection,
            String tlsVersion) {
        boolean fresh = Boolean.TRUE.equals(newConnection);
        return new ObservedRequest(
                link,
                preflight ? "OPTIONS" : "GET",
                path,
                null,
                preflight ? "Preflight" : "Fetch",
                200,
                1,
                2.0,
                1_000L,
                preflight,
                false,
                null,
                null,
                critical,
                protocol,
                newConnection,
                fresh ? 0.3 : null,
                fresh && tlsVersion != null ? 4.0 : null,
                tlsVersion);
    }

    private static ObservedRequest cached(String path) {
        return new ObservedRequest(APP, "GET", path, null, "Script", 200, 1, 1.5, 0L, false, true, null, null, false);
    }

    private static Sample sample(int pair, double ttcMs, List<ObservedRequest> requests) {
        Metrics metrics = Metrics.builder()
                .set(Metric.TIME_TO_CONTENT_MS, ttcMs)
                .set(Metric.TASK_MS, 20)
                .build();
        return Sample.ok("dashboard", "csr", "slow", pair, 1, T0.plusSeconds(pair), metrics, requests);
    }

    /** The median iteration: a TLS 1.3 page connection and a TLS 1.2 Appwrite connection opened on the critical path. */
    private static final Sample A = sample(
            0,
            1700,
            List.of(
                    request(APP, "/dashboard", true, false, "h2", true, "TLS 1.3"),
                    request(APP, "/assets/app.js", true, false, "h2", false, "TLS 1.3"),
                    request(APP, "/assets/app.css", false, false, "h2", false, "TLS 1.3"),
                    cached("/assets/old.js"),
                    request(AW, "/v1/account", true, true, "h2", true, "TLS 1.2"),
                    request(AW, "/v1/account", true, false, "h2", false, "TLS 1.2")));

    private static final Sample B = sample(
            1,
            1600,
            List.of(
                    request(APP, "/dashboard", true, false, "h2", true, "TLS 1.3"),
                    request(APP, "/assets/app.js", true, false, "h2", false, "TLS 1.3"),
                    request(APP, "/assets/app.css", false, false, "h2", false, "TLS 1.3")));

    private static final Sample C = sample(
            2,
            1800,
            List.of(
                    request(APP, "/dashboard", true, false, "http/1.1", true, null),
                    request(APP, "/assets/app.js", true, false, "http/1.1", true, null),
                    request(APP, "/assets/app.css", false, false, "http/1.1", false, null),
                    request(AW, "/v1/account", true, true, "h2", true, "TLS 1.2"),
                    request(AW, "/v1/account", true, false, "h2", false, "TLS 1.2")));

    /** Written before connections were recorded: counted for time, not for connections. */
    private static final Sample OLD = sample(
            3,
            1750,
            List.of(
                    request(APP, "/dashboard", true, false, null, null, null),
                    request(APP, "/assets/app.js", true, false, null, null, null)));

    private static final Sample WARMUP = sample(
                    0, 10, List.of(request(APP, "/dashboard", true, false, "h2", true, "TLS 1.3"), cached("/x.js")))
            .asWarmup();

    private static final Sample FAILED =
            Sample.failed("dashboard", "csr", "slow", 4, 1, T0, "user-name not painted within 30 s", Metrics.empty());

    private static RunResults results(List<Sample> samples) {
        Run run = new Run(
                "20261202T080000Z",
                RunStatus.COMPLETE,
                null,
                T0,
                T0.plusSeconds(60),
                42L,
                false,
                new RunConfig(List.of("dashboard"), List.of("slow"), 4, 1, null, Map.of(), Map.of()));
        Environment environment = new Environment(
                "Test CPU",
                2,
                8L << 30,
                "Linux",
                "OpenJDK 17",
                "156",
                "1.62.0",
                Map.of(),
                "abc1234",
                Environment.EMULATOR,
                "1.6.0");
        ProfileInfo slow = new ProfileInfo(
                "slow",
                "user link 150 ms, Appwrite 200 ms away",
                new LinkSettings(150, 0, 0),
                new LinkSettings(200, 0, 0),
                new LinkSettings(2, 0, 0),
                1.0);
        return RunResults.start(run, environment, List.of(slow)).withSamples(samples);
    }

    @Test
    void each_request_waits_one_round_trip_for_tcp_and_one_or_two_more_for_tls() {
        assertThat(ConnectionSetUp.setUpRoundTrips(request(APP, "/", true, false, "http/1.1", true, null)))
                .isEqualTo(1);
        assertThat(ConnectionSetUp.setUpRoundTrips(request(APP, "/", true, false, "h2", true, "TLS 1.3")))
                .isEqualTo(2);
        assertThat(ConnectionSetUp.setUpRoundTrips(request(APP, "/", true, false, "h2", true, "TLS 1.2")))
                .isEqualTo(3);
        assertThat(ConnectionSetUp.setUpRoundTrips(request(APP, "/", true, false, "h2", false, "TLS 1.3")))
                .isZero();
        assertThat(ConnectionSetUp.setUpRoundTrips(request(APP, "/", true, false, null, null, null)))
                .isZero();
    }

    @Test
    void the_counts_are_medians_per_browser_link_over_the_ok_measured_samples() {
        List<ConnectionSetUp> setUp = ConnectionSetUp.of(List.of(A, B, C, OLD, WARMUP, FAILED));

        // browser→app, per sample A, B, C: new 1, 1, 2; TLS 1, 1, 0; reused 2, 2, 1 (the cache hit uses none).
        // browser→Appwrite: new 1, 0, 1; TLS 1, 0, 1; reused 1, 0, 1. OLD, the warm-up and the failure don't count.
        assertThat(setUp)
                .containsExactly(
                        new ConnectionSetUp(APP, 3, 1, 1, 2, List.of("h2", "http/1.1"), List.of("TLS 1.3")),
                        new ConnectionSetUp(AW, 3, 1, 1, 1, List.of("h2"), List.of("TLS 1.2")));
    }

    @Test
    void an_even_count_takes_the_mean_of_the_middle_two_and_an_unused_link_has_no_row() {
        List<ConnectionSetUp> setUp = ConnectionSetUp.of(List.of(B, C));

        // Only C used browser→Appwrite, so B counts 0 there: medians of (0, 1) are 0.5.
        assertThat(setUp.get(0).newConnections()).isEqualTo(1.5);
        assertThat(setUp.get(0).tlsHandshakes()).isEqualTo(0.5);
        assertThat(setUp.get(1).newConnections()).isEqualTo(0.5);
        assertThat(ConnectionSetUp.of(List.of(B)))
                .extracting(ConnectionSetUp::link)
                .containsExactly(APP);
    }

    @Test
    void results_without_connection_details_have_no_counts() {
        assertThat(ConnectionSetUp.of(List.of(OLD))).isEmpty();
    }

    @Test
    void the_expected_time_adds_the_set_up_round_trips_of_the_critical_requests() {
        RunResults results = results(List.of(A, B, C, OLD, WARMUP, FAILED));

        RoundTrips.Row row = RoundTrips.row(
                results,
                RoundTrips.medianSample(results, "dashboard", "slow", "csr").orElseThrow());

        assertThat(row.median()).isSameAs(A); // by time to content: B 1600, A 1700, OLD 1750, C 1800
        ExpectedTime e = row.expected().orElseThrow();
        assertThat(e.roundTrips()).isEqualTo(4); // dashboard, app.js, preflight, account; not the parallel app.css
        assertThat(e.roundTripMs()).isEqualTo(700.0); // 150 + 150 + 200 + 200
        // dashboard: TCP + TLS 1.3 = 2 × 150 ms; preflight: TCP + TLS 1.2 = 3 × 200 ms; the rest reused
        assertThat(e.setUpRoundTrips()).isEqualTo(5);
        assertThat(e.setUpMs()).isEqualTo(900.0);
        assertThat(e.expectedMs()).isCloseTo(1620.0, within(1e-9)); // 700 + 900 + 0 transfer + 0 server + 20 client
        assertThat(e.unexplainedMs()).isCloseTo(80.0, within(1e-9));
        assertThat(row.connections()).hasSize(2);
    }

    @Test
    void without_connection_details_the_set_up_is_not_measured_and_left_out_of_the_expected_time() {
        RoundTrips.Row row = RoundTrips.row(results(List.of(OLD)), OLD);

        ExpectedTime e = row.expected().orElseThrow();
        assertThat(e.setUpRoundTrips()).isNull();
        assertThat(e.setUpMs()).isZero();
        assertThat(e.expectedMs()).isEqualTo(320.0); // 2 × 150 ms + 20 ms client
        assertThat(row.connections()).isEmpty();
    }
}
