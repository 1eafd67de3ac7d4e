package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.RunResults;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Statistics of the golden full run. Medians, p90s, pair counts, ratios, p-values and Holm-adjusted p-values were
 * computed independently from the same results.json with NumPy (percentile type 7) and SciPy
 * ({@code wilcoxon(..., zero_method="wilcox", correction=True)}) and are asserted exactly; the bootstrap
 * intervals depend on this implementation's seeded resampling and are pinned.
 */
class GoldenStatisticsTest {
    private static final RunResults RUN = Golden.read("full-run");
    private static final Comparisons.All ALL = Comparisons.of(RUN);

    private static CellComparison cell(String flow, String profile) {
        return Comparisons.find(ALL.ssrCsr(), flow, profile).orElseThrow();
    }

    @Test
    void login_on_slow_4g_has_the_reference_medians_ratio_and_tests() {
        CellComparison c = cell("login", "slow-4g");

        assertThat(c.first().median()).isCloseTo(364.65, within(1e-9));
        assertThat(c.first().p90()).isCloseTo(375.45, within(1e-9));
        assertThat(c.second().median()).isCloseTo(525.70, within(1e-9));
        assertThat(c.second().p90()).isCloseTo(546.40, within(1e-9));
        assertThat(c.second().failures()).isEqualTo(1);
        assertThat(c.pairs()).isEqualTo(11);
        assertThat(c.incompletePairs()).isEqualTo(1);
        assertThat(c.ratio()).isCloseTo(0.675047, within(1e-6));
        assertThat(c.test().method()).isEqualTo(SignedRankTest.Method.EXACT);
        assertThat(c.test().pValue()).isCloseTo(0.000976562, within(1e-9));
        assertThat(c.holmP()).isCloseTo(0.0117188, within(1e-7));
        assertThat(c.interval().low()).isCloseTo(0.648844758449494, within(1e-12));
        assertThat(c.interval().high()).isCloseTo(0.7466399197592778, within(1e-12));
        assertThat(c.verdict().sentence()).isEqualTo("SSR faster by 32 % [25 %, 35 %]");
    }

    @Test
    void a_far_away_backend_turns_login_in_favour_of_csr() {
        CellComparison c = cell("login", "far-backend");

        assertThat(c.first().median()).isCloseTo(229.75, within(1e-9));
        assertThat(c.second().median()).isCloseTo(104.30, within(1e-9));
        assertThat(c.ratio()).isCloseTo(2.204892, within(1e-6));
        assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.SECOND_FASTER);
        assertThat(c.verdict().sentence()).isEqualTo("CSR faster by 55 % [53 %, 59 %]");
    }

    @Test
    void holm_correction_turns_a_nominally_significant_cell_into_no_difference() {
        CellComparison c = cell("logout", "cable");

        assertThat(c.test().pValue()).isCloseTo(0.0209961, within(1e-7));
        assertThat(c.holmP()).isCloseTo(0.0629883, within(1e-7));
        assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.NO_DIFFERENCE);
        assertThat(c.verdict().sentence()).isEqualTo("no significant difference");
    }

    @Test
    void the_holm_family_is_the_24_comparable_cells_and_no_js_is_not_comparable() {
        assertThat(ALL.ssrCsr()).hasSize(28);
        assertThat(ALL.ssrCsr().stream().filter(c -> c.holmP() != null)).hasSize(24);
        assertThat(cell("navigate", "slow-4g").holmP()).isCloseTo(0.831055, within(1e-6));
        assertThat(cell("no-js", "cable").verdict().sentence())
                .isEqualTo("not comparable: CSR never showed the content (no time to content in any ok sample)");
    }

    @Test
    void the_aa_cells_show_no_difference_with_the_reference_p_values() {
        assertThat(ALL.aa())
                .extracting(CellComparison::profile)
                .containsExactly("loopback", "cable", "slow-4g", "far-backend");
        CellComparison loopback = ALL.aa().get(0);
        assertThat(loopback.first().median()).isCloseTo(9.65, within(1e-9));
        assertThat(loopback.second().median()).isCloseTo(9.95, within(1e-9));
        assertThat(loopback.ratio()).isCloseTo(0.929398, within(1e-6));
        assertThat(loopback.test().pValue()).isCloseTo(0.518555, within(1e-6));
        assertThat(ALL.aa().get(3).test().pValue()).isCloseTo(0.129395, within(1e-6));
        assertThat(ALL.aa()).allSatisfy(c -> assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.NO_DIFFERENCE));
    }

    @Test
    void the_claims_get_the_expected_verdicts() {
        var claims = Claims.of(RUN, ALL.ssrCsr());

        assertThat(claims)
                .extracting(ClaimRow::topic, ClaimRow::verdict)
                .containsExactly(
                        Tuple.tuple("Rendering location", ClaimVerdict.CONFIRMED),
                        Tuple.tuple("Initial load time", ClaimVerdict.CONFIRMED),
                        Tuple.tuple("SEO", ClaimVerdict.CONFIRMED),
                        Tuple.tuple("Resource utilization", ClaimVerdict.CONFIRMED),
                        Tuple.tuple("User experience", ClaimVerdict.DEPENDS_ON_PROFILE),
                        Tuple.tuple("Development complexity", ClaimVerdict.NOT_MEASURABLE),
                        Tuple.tuple("Caching", ClaimVerdict.PARTLY_CONFIRMED),
                        Tuple.tuple("Data fetching", ClaimVerdict.CONFIRMED));
        assertThat(claims.get(0).csr())
                .isEqualTo("content without JS in 0/48 samples; JavaScript on a cold load 60.1 kB");
        assertThat(claims.get(5).ssr()).isEqualTo("214 lines in 4 files (proxy)");
        // The server phase agrees: SSR's dashboard 0.39 ms against CSR's HTML 0.07 + bundle 0.12 ms per page view.
        assertThat(claims.get(3).why())
                .contains("server phase: SSR 0.390 ms vs CSR 0.190 ms app CPU per page view, SSR's more than 20 %"
                        + " higher (supports)");
    }

    @Test
    void the_median_login_iteration_on_slow_4g_is_explained_by_its_round_trips() {
        var rows = RoundTrips.of(RUN, ALL.ssrCsr()).stream()
                .filter(r -> r.flow().equals("login") && r.profile().equals("slow-4g"))
                .toList();

        RoundTrips.Row ssr = rows.get(0);
        assertThat(ssr.variant()).isEqualTo("ssr");
        assertThat(ssr.median().pair()).isEqualTo(1);
        assertThat(ssr.depth()).isEqualTo(2);
        assertThat(ssr.appAppwrite()).isEqualTo(2);
        ExpectedTime e = ssr.expected().orElseThrow();
        assertThat(e.roundTripMs()).isEqualTo(300.0); // 2 browser↔app round trips × 150 ms
        assertThat(e.transferMs()).isCloseTo(17.85, within(1e-9)); // (420 + 3150) B × 8 / 1.6 Mbit/s
        assertThat(e.expectedMs()).isCloseTo(360.15, within(1e-9));
        assertThat(e.measuredMs()).isEqualTo(363.8);

        RoundTrips.Row csr = rows.get(1);
        assertThat(csr.browserAppwrite()).isEqualTo(3);
        assertThat(csr.preflights()).isEqualTo(1);
        assertThat(csr.expected().orElseThrow().roundTripMs()).isEqualTo(450.0);
        // The golden requests carry no connection details (like files written before they were recorded): set-up
        // is not measured, so neither counted nor guessed.
        assertThat(e.setUpRoundTrips()).isNull();
        assertThat(ssr.connections()).isEmpty();
    }

    @Test
    void the_slowest_profile_is_the_one_with_the_longest_browser_round_trip() {
        assertThat(ReportModel.of(RUN, null, null).slowestProfile()).contains("slow-4g");
    }
}
