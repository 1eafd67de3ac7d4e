package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Browser-phase against server-phase app CPU per page view, with numbers computed by hand. */
class CpuAgreementTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    /** Median (0.40 + 0.41) / 2 = 0.405 ms. */
    private static final double[] SSR_CPU = {0.40, 0.42, 0.38, 0.41, 0.39, 0.44};
    /** Sorted 0.28 0.29 0.30 0.30 0.31 0.32: median 0.30 ms. */
    private static final double[] CSR_CPU = {0.30, 0.28, 0.32, 0.31, 0.29, 0.30};
    /** JIT in 2 of 6 CSR views, 3.5 ms in all. */
    private static final double[] CSR_JIT = {0, 0, 1.5, 0, 0, 2.0};

    private static final List<JmhResult> JMH = List.of(
            // SSR: the 1-thread entries of both modes, median (0.38 + 0.42) / 2 = 0.40 ms; the 4-thread one is ignored.
            jmh("SsrBenchmarks.dashboard", "ssr", "sample", 1, 0.38),
            jmh("SsrBenchmarks.dashboard", "ssr", "thrpt", 1, 0.42),
            jmh("SsrBenchmarks.dashboard", "ssr", "thrpt", 4, 0.90),
            jmh("SsrBenchmarks.login", "ssr", "sample", 1, 5.0),
            // CSR: HTML 0.07 + bundle 0.12 = 0.19 ms per page view.
            jmh("CsrBenchmarks.indexHtml", "csr", "sample", 1, 0.07),
            jmh("CsrBenchmarks.mainBundle", "csr", "sample", 1, 0.12),
            jmh("AppwriteSdkBenchmarks.accountGet", "appwrite", "sample", 1, 0.3));

    @Test
    void the_server_phase_page_view_sums_its_benchmarks_one_thread_only() {
        ServerPhaseCpu phase = ServerPhaseCpu.of(JMH);

        assertThat(phase.view("ssr").orElseThrow().appMs()).isCloseTo(0.40, within(1e-12));
        assertThat(phase.view("csr").orElseThrow().appMs()).isCloseTo(0.19, within(1e-12));
        assertThat(phase.view("csr").orElseThrow().text())
                .isEqualTo("0.190 ms (CsrBenchmarks.indexHtml 0.070 ms + CsrBenchmarks.mainBundle 0.120 ms)");
        assertThat(phase.view("next-ssr")).isEmpty();
        // A page view with one of its benchmarks missing is no page view: never a partial sum.
        assertThat(ServerPhaseCpu.of(JMH.subList(0, 5)).view("csr")).isEmpty();
    }

    @Test
    void close_figures_agree_and_far_ones_differ_with_the_numbers_that_bear_on_why() {
        List<CpuAgreement.Row> rows = CpuAgreement.of(run(views(6), JMH));

        CpuAgreement.Row ssr = rows.get(0);
        assertThat(ssr.variant()).isEqualTo("ssr");
        assertThat(ssr.browser()).isCloseTo(0.405, within(1e-12));
        assertThat(ssr.ratio()).isCloseTo(0.405 / 0.40, within(1e-12)); // 1.0125
        assertThat(ssr.status()).isEqualTo(CpuAgreement.Status.AGREES);
        assertThat(ssr.why()).isEqualTo("within 20 % (+1 %)");

        CpuAgreement.Row csr = rows.get(1);
        assertThat(csr.browser()).isCloseTo(0.30, within(1e-12));
        assertThat(csr.ratio()).isCloseTo(0.30 / 0.19, within(1e-12)); // 1.579
        assertThat(csr.status()).isEqualTo(CpuAgreement.Status.DIFFERS);
        assertThat(csr.interval().low()).isGreaterThanOrEqualTo(0.28);
        assertThat(csr.interval().high()).isLessThanOrEqualTo(0.32);
        assertThat(csr.why())
                .startsWith("browser 0.300 ms against server 0.190 ms per view (+58 %)")
                .contains("the server figure lies outside the browser figure's 95 % interval")
                .contains("also asked the app for what no benchmark replays: GET /app.css (Stylesheet)")
                .doesNotContain("/assets/app.js")
                .contains("JIT compiler threads ran in 2 of 6 browser views (3.50 ms in all");
    }

    @Test
    void too_few_views_or_a_missing_figure_give_no_judgement() {
        List<CpuAgreement.Row> few = CpuAgreement.of(run(views(5), JMH));
        assertThat(few).allSatisfy(r -> assertThat(r.status()).isEqualTo(CpuAgreement.Status.TOO_FEW_VIEWS));
        assertThat(few.get(0).why()).isEqualTo("5 browser views, at least 6 needed to judge");

        List<CpuAgreement.Row> noServerPhase = CpuAgreement.of(run(views(6), List.of()));
        assertThat(noServerPhase).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CpuAgreement.Status.NOT_MEASURED);
            assertThat(r.why()).isEqualTo("the server phase did not run");
            assertThat(r.ratio()).isNull();
        });

        List<Sample> unread = views(6);
        unread.replaceAll(s -> s.withMetrics(
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, 50).build()));
        CpuAgreement.Row noCpu = CpuAgreement.of(run(unread, JMH)).get(0);
        assertThat(noCpu.status()).isEqualTo(CpuAgreement.Status.NOT_MEASURED);
        assertThat(noCpu.why()).contains("no per-iteration app CPU for revisit-cold on loopback");
    }

    @Test
    void the_nextjs_half_of_a_run_reads_its_own_benchmarks() {
        List<JmhResult> jmh = new ArrayList<>(JMH);
        jmh.add(jmh("NextSsrBenchmarks.dashboard", Variants.NEXT_SSR, "sample", 1, 1.2));
        jmh.add(jmh("NextCsrBenchmarks.dashboardHtml", Variants.NEXT_CSR, "sample", 1, 0.5));
        jmh.add(jmh("NextCsrBenchmarks.scripts", Variants.NEXT_CSR, "sample", 1, 0.3));
        List<Sample> samples = views(6);
        samples.add(Sample.ok("revisit-cold", Variants.NEXT_SSR, "loopback", 0, 0, T0, cpu(1.0, 0), List.of()));
        RunResults results = run(samples, jmh);

        ServerPhaseCpu nextjs =
                ServerPhaseCpu.of(FrameworkView.of(results, Variants.NEXTJS).jmh());
        assertThat(nextjs.view("ssr").orElseThrow().appMs()).isCloseTo(1.2, within(1e-12));
        assertThat(nextjs.view("csr").orElseThrow().appMs()).isCloseTo(0.8, within(1e-12));
        ServerPhaseCpu undertow =
                ServerPhaseCpu.of(FrameworkView.of(results, Variants.UNDERTOW).jmh());
        assertThat(undertow.view("ssr").orElseThrow().appMs()).isCloseTo(0.40, within(1e-12));
        assertThat(CpuAgreement.of(results))
                .extracting(CpuAgreement.Row::variant)
                .containsExactly("ssr", "csr", "next-ssr");
    }

    /** {@code n} views per variant on revisit-cold × loopback (and one on slow-4g that must not count). */
    private static List<Sample> views(int n) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(Sample.ok(
                    "revisit-cold",
                    "ssr",
                    "loopback",
                    i,
                    0,
                    T0.plusSeconds(i),
                    cpu(SSR_CPU[i], 0),
                    List.of(request("/dashboard", "Document"), request("/app.css", "Stylesheet"))));
            samples.add(Sample.ok(
                    "revisit-cold",
                    "csr",
                    "loopback",
                    i,
                    1,
                    T0.plusSeconds(i),
                    cpu(CSR_CPU[i], CSR_JIT[i]),
                    List.of(
                            request("/dashboard", "Document"),
                            request("/assets/app.js", "Script"),
                            request("/app.css", "Stylesheet"))));
        }
        samples.add(Sample.ok("revisit-cold", "ssr", "slow-4g", 0, 0, T0, cpu(9.0, 0), List.of()));
        return samples;
    }

    private static Metrics cpu(double appCpu, double jit) {
        return Metrics.builder()
                .set(Metric.TIME_TO_CONTENT_MS, 50)
                .set(Metric.APP_CPU_MS, appCpu)
                .set(Metric.APP_JIT_MS, jit)
                .build();
    }

    private static ObservedRequest request(String path, String type) {
        return new ObservedRequest(
                NetworkLink.BROWSER_APP, "GET", path, path, type, 200, 0, 1.0, 1000L, false, false, null, null, true);
    }

    private static JmhResult jmh(String benchmark, String variant, String mode, int threads, double appCpu) {
        return new JmhResult(benchmark, variant, mode, threads, 1.0, 0.1, "ms/op", Map.of(), appCpu, 0.2);
    }

    private static RunResults run(List<Sample> samples, List<JmhResult> jmh) {
        return TimingClaimsTest.run(samples).withJmh(jmh);
    }
}
