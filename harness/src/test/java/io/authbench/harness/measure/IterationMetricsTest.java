package io.authbench.harness.measure;

import static io.authbench.harness.measure.Exchanges.app;
import static io.authbench.harness.measure.Exchanges.appwrite;
import static io.authbench.harness.measure.Exchanges.destinations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.authbench.harness.browser.ConnectionUse;
import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.PageProbe.Timings;
import io.authbench.harness.browser.ServerTiming;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.support.process.CpuSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The per-iteration computations: time to content, document timings, client CPU, network, waterfall, counters. */
class IterationMetricsTest {
    private static final double ACTION = 1_000_000.0;

    @Test
    void time_to_content_runs_from_the_action_to_the_paint_and_document_timings_are_shifted_to_the_action() {
        assertThat(IterationMetrics.timeToContent(ACTION, ACTION + 123.5)).isEqualTo(123.5);
        // A document that started 10 ms after the click: its TTFB 40 ms is 50 ms after the action.
        Timings t = new Timings("observer", ACTION + 10, ACTION, 90.0, "Ada", 40.0, 60.0, 85.0, 70.0, null);
        Metrics.Builder m = Metrics.builder();
        IterationMetrics.addDocumentTimings(m, t, ACTION);
        Metrics metrics = m.build();
        assertThat(metrics.number(Metric.TTFB_MS)).hasValue(50.0);
        assertThat(metrics.number(Metric.FCP_MS)).hasValue(70.0);
        assertThat(metrics.number(Metric.LCP_MS)).hasValue(95.0);
        assertThat(metrics.number(Metric.LOAD_MS)).as("not reached: absent").isEmpty();
    }

    @Test
    void a_document_older_than_the_action_has_no_timings_of_it() {
        Timings sameDocument =
                new Timings("element-timing", ACTION - 5000, ACTION, 5100.0, "Ada", 40.0, 60.0, 85.0, 70.0, 80.0);
        Metrics.Builder m = Metrics.builder();
        IterationMetrics.addDocumentTimings(m, sameDocument, ACTION);
        assertThat(m.build().number(Metric.TTFB_MS)).isEmpty();
    }

    @Test
    void client_cpu_is_the_difference_within_one_document_and_the_total_of_a_new_one() {
        Map<String, Double> before = Map.of("NavigationStart", 1.0, "ScriptDuration", 0.100, "TaskDuration", 0.300);
        Map<String, Double> sameDoc = Map.of("NavigationStart", 1.0, "ScriptDuration", 0.125, "TaskDuration", 0.350);
        Metrics.Builder m = Metrics.builder();
        IterationMetrics.addClientCpu(m, before, sameDoc);
        assertThat(m.build().number(Metric.SCRIPT_MS).getAsDouble()).isCloseTo(25.0, Offset.offset(1e-9));
        assertThat(m.build().number(Metric.TASK_MS).getAsDouble()).isCloseTo(50.0, Offset.offset(1e-9));

        Map<String, Double> newDoc = Map.of("NavigationStart", 2.0, "ScriptDuration", 0.010, "TaskDuration", 0.020);
        Metrics.Builder n = Metrics.builder();
        IterationMetrics.addClientCpu(n, before, newDoc);
        assertThat(n.build().number(Metric.SCRIPT_MS).getAsDouble()).isCloseTo(10.0, Offset.offset(1e-9));
    }

    @Test
    void unknown_server_timing_leaves_server_time_and_calls_absent_never_zero() {
        List<Exchange> exchanges = List.of(app("GET", "/home", ACTION + 1, ACTION + 20, 1000));
        assertThat(IterationMetrics.serverTimingUnknown(exchanges, destinations(), ACTION, ACTION + 30, false))
                .isTrue();
        assertThat(IterationMetrics.serverTimingUnknown(exchanges, destinations(), ACTION, ACTION + 30, true))
                .as("the bundled apps announce every call: no entry means none")
                .isFalse();
        NetworkSummary n = NetworkSummary.of(exchanges, destinations(), ACTION, ACTION, ACTION + 30);
        Metrics.Builder m = Metrics.builder();
        IterationMetrics.addNetwork(m, n, true, false);
        IterationMetrics.addServerSideCalls(m, n, OptionalLong.empty(), true);
        Metrics metrics = m.build();
        assertThat(metrics.number(Metric.SERVER_TIMING_MS)).isEmpty();
        assertThat(metrics.number(Metric.APPWRITE_CALLS_SERVER)).isEmpty();
        assertThat(metrics.number(Metric.REQUESTS_APP)).hasValue(1.0);
        assertThat(metrics.number(Metric.WARM_REVISIT_BYTES)).isEmpty();

        Metrics.Builder counted = Metrics.builder();
        IterationMetrics.addServerSideCalls(counted, n, OptionalLong.of(2), true);
        assertThat(counted.build().number(Metric.APPWRITE_CALLS_SERVER))
                .as("the emulator's count wins")
                .hasValue(2.0);
    }

    @Test
    void the_waterfall_lists_the_window_per_link_and_lays_the_apps_appwrite_calls_end_to_end() {
        Exchange setUp = app("GET", "/signin", ACTION - 500, ACTION - 480, 900);
        Exchange page = app(
                "POST",
                "/signin?next=%2Fhome",
                ACTION + 2,
                ACTION + 40,
                500,
                new ServerTiming("aw-create-session", 7.5),
                new ServerTiming("render", 1.0),
                new ServerTiming("aw-get-account", 2.5));
        Exchange sdk = appwrite("GET", "/v1/account", ACTION + 50, ACTION + 60, 300);
        List<Exchange> all = List.of(setUp, page, sdk);
        CriticalPath path = CriticalPath.of(Waterfall.inWindow(all, ACTION, ACTION + 70), ACTION, ACTION + 70);

        List<ObservedRequest> rows = Waterfall.of(all, destinations(), ACTION, ACTION, ACTION + 70, path);

        assertThat(rows)
                .extracting(ObservedRequest::link)
                .containsExactly(
                        NetworkLink.BROWSER_APP,
                        NetworkLink.APP_APPWRITE,
                        NetworkLink.APP_APPWRITE,
                        NetworkLink.BROWSER_APPWRITE);
        assertThat(rows.get(0).path()).as("no query string: it may hold tokens").isEqualTo("/signin");
        assertThat(rows.get(0).startMs()).isEqualTo(2.0);
        assertThat(rows.get(1).startMs()).isEqualTo(2.0);
        assertThat(rows.get(1).endMs()).isEqualTo(9.5);
        assertThat(rows.get(2).startMs()).isEqualTo(9.5);
        assertThat(rows.get(0).serverTiming())
                .isEqualTo("aw-create-session;dur=7.5, render;dur=1.0, aw-get-account;dur=2.5");
    }

    @Test
    void each_browser_request_in_the_waterfall_carries_how_it_used_its_connection() {
        Exchange first = withConnection(
                app("GET", "/home", ACTION + 1, ACTION + 30, 500), new ConnectionUse("h2", true, 0.5, 12.0, "TLS 1.3"));
        Exchange second = withConnection(
                app("GET", "/app.css", ACTION + 31, ACTION + 40, 200, new ServerTiming("aw-get-account", 2.0)),
                new ConnectionUse("h2", false, null, null, "TLS 1.3"));
        Exchange unknown = appwrite("GET", "/v1/account", ACTION + 41, ACTION + 50, 300);
        List<Exchange> all = List.of(first, second, unknown);
        CriticalPath path = CriticalPath.of(all, ACTION, ACTION + 70);

        List<ObservedRequest> rows = Waterfall.of(all, destinations(), ACTION, ACTION, ACTION + 70, path);

        assertThat(rows)
                .extracting(
                        ObservedRequest::protocol,
                        ObservedRequest::newConnection,
                        ObservedRequest::connectMs,
                        ObservedRequest::tlsMs,
                        ObservedRequest::tlsVersion)
                .containsExactly(
                        tuple("h2", true, 0.5, 12.0, "TLS 1.3"),
                        tuple("h2", false, null, null, "TLS 1.3"),
                        // the app's call to Appwrite: its connection is not observable from the browser
                        tuple(null, null, null, null, null),
                        // the browser did not say: not measured, never a guess
                        tuple(null, null, null, null, null));
    }

    private static Exchange withConnection(Exchange e, ConnectionUse connection) {
        return new Exchange(
                e.url(),
                e.method(),
                e.resourceType(),
                e.preflight(),
                e.redirect(),
                e.fromCache(),
                e.startEpochMs(),
                e.endEpochMs(),
                e.status(),
                e.encodedBytes(),
                e.cacheControl(),
                e.serverTiming(),
                e.failed(),
                connection);
    }

    @Test
    void counters_give_cpu_and_call_deltas_only_when_both_ends_were_read() throws Exception {
        long self = ProcessHandle.current().pid();
        Counters before = new Counters(CpuSnapshot.of(self), Optional.empty(), 10);
        long sink = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sink += i ^ (sink >>> 3);
        }
        Counters after = new Counters(CpuSnapshot.of(self), CpuSnapshot.of(self), 14 + (sink == 42 ? 1 : 0));
        Metrics.Builder m = Metrics.builder();
        Map<String, String> checks = new HashMap<>();
        after.addCpuSince(before, m, checks);
        // This JVM's own work between the reads, with nanosecond resolution: positive, and not a multiple of a tick.
        assertThat(m.build().number(Metric.APP_CPU_MS).getAsDouble()).isPositive();
        assertThat(m.build().number(Metric.APP_JIT_MS)).isPresent();
        assertThat(m.build().number(Metric.APPWRITE_CPU_MS))
                .as("not read before: not measured")
                .isEmpty();
        assertThat(after.serverSideCallsSince(before, 1)).hasValue(3);
        assertThat(after.serverSideCallsSince(Counters.NONE, 1)).isEmpty();
        assertThat(Counters.read(-1, -1, null)).isEqualTo(Counters.NONE);
    }
}
