package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.results.Environment;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The timing claims (initial load, user experience, data fetching) on synthetic runs: each verdict, "not measured"
 * when the data cannot judge, and the rule written next to every verdict.
 */
class TimingClaimsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final List<String> PROFILES = List.of("loopback", "slow-4g");

    @Test
    void ssr_faster_in_every_profile_confirms_the_initial_load_claim() {
        ClaimRow row = claim(run(cell("revisit-cold", 20, 100, 200, 100, 200)), "Initial load time");

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.CONFIRMED);
        assertThat(row.why()).contains("loopback: SSR faster by").contains("slow-4g: SSR faster by");
        // 2 cells: 2/2^n × 2 < 0.05 first holds at n = 7.
        assertThat(row.rule()).contains("at least 7 complete pairs").contains("among 2 cells");
    }

    @Test
    void ssr_faster_in_one_profile_only_depends_on_the_profile_and_csr_faster_everywhere_refutes() {
        assertThat(claim(run(cell("revisit-cold", 20, 100, 200, 300, 150)), "Initial load time")
                        .verdict())
                .isEqualTo(ClaimVerdict.DEPENDS_ON_PROFILE);
        assertThat(claim(run(cell("revisit-cold", 20, 300, 150, 300, 150)), "Initial load time")
                        .verdict())
                .isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void quick_mode_pairs_are_not_measured() {
        ClaimRow row = claim(run(cell("revisit-cold", 2, 100, 200, 100, 200)), "Initial load time");

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(row.why()).contains("too few complete pairs").contains("at least 7 needed");
    }

    /**
     * 6 pairs pass {@link Verdict#MIN_PAIRS}, but over 2 cells the test can never reach Holm p &lt; 0.05 (its smallest
     * p is 2/64, doubled): every cell says "no significant difference", which the old rule counted as "refuted".
     */
    @Test
    void pairs_too_few_to_ever_reach_significance_are_not_measured_rather_than_refuted() {
        ClaimRow row = claim(run(cell("revisit-cold", 6, 100, 200, 100, 200)), "Initial load time");

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(row.why()).contains("loopback (6)").contains("slow-4g (6)");
    }

    @Test
    void the_login_flow_is_not_an_initial_load() {
        ClaimRow row = claim(run(cell("login", 20, 100, 200, 100, 200)), "Initial load time");

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(row.why()).contains("the revisit-cold flow did not run").contains("login is not used");
    }

    @Test
    void user_experience_needs_ssr_first_and_csr_after() {
        List<Sample> initial = cell("revisit-cold", 20, 100, 200, 100, 200);
        ClaimRow both = claim(run(concat(initial, cell("navigate", 20, 80, 10, 90, 12))), "User experience");
        assertThat(both.verdict()).isEqualTo(ClaimVerdict.CONFIRMED);
        // 4 cells: 2/2^n × 4 < 0.05 first holds at n = 8.
        assertThat(both.rule()).contains("at least 8 complete pairs");

        ClaimRow ssrAfter = claim(run(concat(initial, cell("navigate", 20, 10, 80, 12, 90))), "User experience");
        assertThat(ssrAfter.verdict()).isEqualTo(ClaimVerdict.PARTLY_CONFIRMED);

        ClaimRow noNavigate = claim(run(initial), "User experience");
        assertThat(noNavigate.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(noNavigate.why()).contains("the navigate flow did not run");

        ClaimRow fewAfter = claim(run(concat(initial, cell("navigate", 3, 80, 10, 90, 12))), "User experience");
        assertThat(fewAfter.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
    }

    @Test
    void data_fetching_checks_where_the_data_is_fetched_then_the_timing() {
        ClaimRow confirmed = claim(run(fetching(0, 1, 1, 4, 100, 200)), "Data fetching");
        assertThat(confirmed.verdict()).isEqualTo(ClaimVerdict.CONFIRMED);
        assertThat(confirmed.why()).startsWith("SSR's browser made no Appwrite call (CSR's 1)");

        ClaimRow notFaster = claim(run(fetching(0, 1, 1, 4, 300, 150)), "Data fetching");
        assertThat(notFaster.verdict()).isEqualTo(ClaimVerdict.PARTLY_CONFIRMED);
        assertThat(notFaster.why()).contains("but the initial load was not faster");

        ClaimRow browserFetches = claim(run(fetching(1, 1, 3, 4, 100, 200)), "Data fetching");
        assertThat(browserFetches.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(browserFetches.why()).startsWith("SSR's browser called Appwrite itself");

        ClaimRow notRecorded = claim(run(cell("revisit-cold", 20, 100, 200, 100, 200)), "Data fetching");
        assertThat(notRecorded.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
    }

    @Test
    void every_row_states_its_rule() {
        List<ClaimRow> rows = Claims.of(
                run(cell("revisit-cold", 2, 100, 200, 100, 200)),
                Comparisons.of(run(cell("revisit-cold", 2, 100, 200, 100, 200))).ssrCsr());

        assertThat(rows).hasSize(8).allSatisfy(r -> assertThat(r.rule()).isNotBlank());
        // Only development complexity is "not measurable"; everything this run cannot judge is "not measured".
        assertThat(rows)
                .filteredOn(r -> r.verdict() == ClaimVerdict.NOT_MEASURABLE)
                .extracting(ClaimRow::topic)
                .containsExactly("Development complexity");
    }

    private static ClaimRow claim(RunResults results, String topic) {
        return Claims.of(results, Comparisons.of(results).ssrCsr()).stream()
                .filter(r -> r.topic().equals(topic))
                .findFirst()
                .orElseThrow();
    }

    /** revisit-cold with the browser→Appwrite calls and critical-path depth of each variant. */
    private static List<Sample> fetching(
            double ssrCalls, double csrCalls, double ssrDepth, double csrDepth, double ssrMs, double csrMs) {
        List<Sample> samples = cell("revisit-cold", 20, ssrMs, csrMs, ssrMs, csrMs);
        samples.replaceAll(s -> s.withMetrics(s.metrics().toBuilder()
                .set(Metric.APPWRITE_CALLS_BROWSER, s.variant().equals("ssr") ? ssrCalls : csrCalls)
                .set(Metric.CRITICAL_PATH_DEPTH, s.variant().equals("ssr") ? ssrDepth : csrDepth)
                .build()));
        return samples;
    }

    /** One flow on both profiles: SSR and CSR medians per profile, about ±10 % noise per sample. */
    private static List<Sample> cell(
            String flow, int pairs, double ssrLoopback, double csrLoopback, double ssrSlow, double csrSlow) {
        SplittableRandom random = new SplittableRandom(flow.hashCode());
        List<Sample> samples = new ArrayList<>();
        Map<String, double[]> medians = new LinkedHashMap<>();
        medians.put("loopback", new double[] {ssrLoopback, csrLoopback});
        medians.put("slow-4g", new double[] {ssrSlow, csrSlow});
        medians.forEach((profile, m) -> {
            for (int pair = 0; pair < pairs; pair++) {
                samples.add(sample(flow, "ssr", profile, pair, noisy(m[0], random)));
                samples.add(sample(flow, "csr", profile, pair, noisy(m[1], random)));
            }
        });
        return samples;
    }

    private static double noisy(double median, SplittableRandom random) {
        return median * Math.exp(0.1 * (random.nextDouble() * 2 - 1));
    }

    private static Sample sample(String flow, String variant, String profile, int pair, double ms) {
        return Sample.ok(
                flow,
                variant,
                profile,
                pair,
                variant.equals("ssr") ? 0 : 1,
                T0.plusSeconds(pair),
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, ms).build(),
                List.of());
    }

    private static List<Sample> concat(List<Sample> a, List<Sample> b) {
        List<Sample> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static RunResults run(List<Sample> samples) {
        List<String> flows = samples.stream().map(Sample::flow).distinct().toList();
        LinkSettings none = new LinkSettings(0, 0, 0);
        Run run = new Run(
                "20261202T080000Z",
                RunStatus.COMPLETE,
                null,
                T0,
                T0.plusSeconds(60),
                42L,
                false,
                new RunConfig(flows, PROFILES, 20, 0, null, Map.of(), Map.of()));
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
