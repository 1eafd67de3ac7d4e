package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.results.Environment;
import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Resource-utilization claim from per-iteration app CPU and task time: paired ratios, intervals, not measured. */
class ResourceClaimTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void per_iteration_figures_with_a_clear_difference_confirm_the_claim() {
        // SSR's app ~2.7 ms per view, CSR's ~0.9 ms (the server phase's figures); tasks the other way round.
        ClaimRow row = claim(samples(20, 2.7, 0.9, 9, 31, false));

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.CONFIRMED);
        assertThat(row.why())
                .contains("SSR used more app-server CPU in 2 of 2 cells")
                .contains("CSR used more browser task time in 2 of 2 cells");
        assertThat(row.ssr()).contains("app CPU 2.").contains("per page view");
        assertThat(row.csr()).contains("app CPU 0.9");
    }

    @Test
    void equal_app_cpu_per_iteration_is_no_support_for_the_server_half() {
        // What the old batch figure showed: both "15.0 ms". Per iteration the same CPU is no evidence for the claim.
        ClaimRow row = claim(samples(20, 1.5, 1.5, 9, 31, false));

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.PARTLY_CONFIRMED);
        assertThat(row.why())
                .contains("SSR used more app-server CPU in 0 of 2 cells")
                .contains("(no significant difference)");
    }

    @Test
    void the_opposite_in_every_cell_refutes_it() {
        ClaimRow row = claim(samples(20, 0.5, 2.0, 30, 10, false));

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(row.why()).contains("(CSR more)").contains("(SSR more)");
    }

    @Test
    void an_app_whose_cpu_could_not_be_read_gives_no_verdict() {
        ClaimRow row = claim(samples(20, 2.7, 0.9, 9, 31, true));

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(row.why()).contains("app-server CPU of CSR not measured");
        assertThat(row.csr()).contains("app CPU not measured");
    }

    @Test
    void too_few_pairs_per_cell_give_no_verdict_and_a_zero_keeps_the_ratio_finite() {
        List<Sample> samples = samples(2, 2.7, 0.9, 9, 31, false);
        samples.replaceAll(s -> s.variant().equals("csr")
                ? s.withMetrics(
                        s.metrics().toBuilder().set(Metric.APP_CPU_MS, 0).build())
                : s);
        ClaimRow row = claim(samples);

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(row.why())
                .contains("too few complete pairs")
                .doesNotContain("Infinity")
                .doesNotContain("NaN");
    }

    @Test
    void pairs_too_few_for_the_test_to_ever_be_significant_give_no_verdict_rather_than_refuted() {
        // 6 pairs: the exact test's smallest p is 2/64 = 0.031, which Holm over 2 cells makes 0.063.
        ClaimRow row = claim(samples(6, 4.0, 1.0, 9, 31, false));

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(row.why()).contains("needs at least 7 pairs");
        assertThat(row.rule()).contains("at least 7 complete pairs").contains("among 2 cells");
        assertThat(ResourceClaim.pairsNeeded(1)).isEqualTo(6);
        assertThat(ResourceClaim.pairsNeeded(2)).isEqualTo(7);
        assertThat(ResourceClaim.pairsNeeded(28)).isEqualTo(11);
    }

    @Test
    void the_server_phase_must_agree_for_a_confirmed_claim() {
        List<Sample> clear = samples(20, 2.7, 0.9, 9, 31, false);
        // SSR's dashboard 2.7 ms against CSR's HTML 0.5 + bundle 0.4 = 0.9 ms per page view: 3× (supports).
        ClaimRow supported = claim(clear, serverPhase(2.7, 0.5, 0.4));
        assertThat(supported.verdict()).isEqualTo(ClaimVerdict.CONFIRMED);
        assertThat(supported.why())
                .contains(
                        "server phase: SSR 2.70 ms vs CSR 0.900 ms app CPU per page view, SSR's more than 20 % higher");

        // 1.0 ms against 0.5 + 0.4 = 0.9 ms: 11 % more, within the margin: no support, so only partly confirmed.
        ClaimRow even = claim(clear, serverPhase(1.0, 0.5, 0.4));
        assertThat(even.verdict()).isEqualTo(ClaimVerdict.PARTLY_CONFIRMED);
        assertThat(even.why()).contains("within 20 % of each other (no support)");

        ClaimRow contrary = claim(clear, serverPhase(0.5, 0.5, 0.4));
        assertThat(contrary.verdict()).isEqualTo(ClaimVerdict.PARTLY_CONFIRMED);
        assertThat(contrary.why()).contains("CSR's more than 20 % higher (contrary)");
    }

    @Test
    void a_server_phase_that_supports_the_claim_keeps_a_browser_refutation_from_being_total() {
        ClaimRow row = claim(samples(20, 0.5, 2.0, 30, 10, false), serverPhase(2.7, 0.5, 0.4));

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.PARTLY_CONFIRMED);
        assertThat(claim(samples(20, 0.5, 2.0, 30, 10, false), serverPhase(0.5, 0.5, 0.4))
                        .verdict())
                .isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void without_the_server_phase_the_browser_phase_decides_and_the_row_says_so() {
        ClaimRow row = claim(samples(20, 2.7, 0.9, 9, 31, false), ServerPhaseCpu.of(List.of()));

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.CONFIRMED);
        assertThat(row.why()).contains("server phase: not measured (the server phase did not run)");
    }

    @Test
    void the_server_phase_alone_gives_no_verdict_when_the_browser_phase_has_too_few_pairs() {
        ClaimRow row = claim(samples(2, 2.7, 0.9, 9, 31, false), serverPhase(2.7, 0.5, 0.4));

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(row.why()).contains("too few complete pairs").contains("server phase: SSR 2.70 ms");
    }

    /** JMH entries as the server phase writes them: 1-thread sample-time runs with app CPU per operation. */
    static ServerPhaseCpu serverPhase(double ssrDashboard, double csrIndex, double csrBundle) {
        return ServerPhaseCpu.of(List.of(
                jmh("SsrBenchmarks.dashboard", "ssr", ssrDashboard),
                jmh("CsrBenchmarks.indexHtml", "csr", csrIndex),
                jmh("CsrBenchmarks.mainBundle", "csr", csrBundle)));
    }

    static JmhResult jmh(String benchmark, String variant, double appCpu) {
        return new JmhResult(benchmark, variant, "sample", 1, 1.0, 0.1, "ms/op", Map.of(), appCpu, 0.2);
    }

    private static ClaimRow claim(List<Sample> samples) {
        return claim(samples, ServerPhaseCpu.of(List.of()));
    }

    private static ClaimRow claim(List<Sample> samples, ServerPhaseCpu serverPhase) {
        RunResults results = results(samples);
        List<CellComparison> cells = Comparisons.of(results).ssrCsr();
        List<Sample> measured =
                samples.stream().filter(s -> !s.warmup() && s.ok()).toList();
        return ResourceClaim.row(measured, cells, results.run().seed(), serverPhase);
    }

    /** Two cells (login on two profiles), log-normal noise of about 15 % around the given medians. */
    private static List<Sample> samples(
            int pairs, double ssrCpu, double csrCpu, double ssrTask, double csrTask, boolean csrCpuUnreadable) {
        SplittableRandom random = new SplittableRandom(7);
        List<Sample> samples = new ArrayList<>();
        for (String profile : List.of("loopback", "slow-4g")) {
            for (int pair = 0; pair < pairs; pair++) {
                samples.add(sample("ssr", profile, pair, 0, noisy(ssrCpu, random), noisy(ssrTask, random)));
                samples.add(sample(
                        "csr",
                        profile,
                        pair,
                        1,
                        csrCpuUnreadable ? null : noisy(csrCpu, random),
                        noisy(csrTask, random)));
            }
        }
        return samples;
    }

    private static double noisy(double median, SplittableRandom random) {
        return median * Math.exp(0.15 * (random.nextDouble() * 2 - 1));
    }

    private static Sample sample(String variant, String profile, int pair, int order, Double cpu, double task) {
        Metrics.Builder metrics =
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, 100 + pair).set(Metric.TASK_MS, task);
        if (cpu != null) {
            metrics.set(Metric.APP_CPU_MS, cpu).set(Metric.APPWRITE_CPU_MS, 0.6);
        }
        return Sample.ok("login", variant, profile, pair, order, T0.plusSeconds(pair), metrics.build(), List.of());
    }

    private static RunResults results(List<Sample> samples) {
        LinkSettings none = new LinkSettings(0, 0, 0);
        Run run = new Run(
                "20261202T080000Z",
                RunStatus.COMPLETE,
                null,
                T0,
                T0.plusSeconds(60),
                42L,
                false,
                new RunConfig(List.of("login"), List.of("loopback", "slow-4g"), 20, 0, null, Map.of(), Map.of()));
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
        return RunResults.start(
                        run,
                        environment,
                        List.of(
                                new ProfileInfo("loopback", "no added delay", none, none, none, 1.0),
                                new ProfileInfo("slow-4g", "slow", none, none, none, 1.0)))
                .withSamples(samples);
    }
}
