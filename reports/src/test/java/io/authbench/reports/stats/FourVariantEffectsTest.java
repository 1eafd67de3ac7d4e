package io.authbench.reports.stats;

import static io.authbench.reports.golden.FourVariantResults.F;
import static io.authbench.reports.golden.FourVariantResults.FAILED_PAIR;
import static io.authbench.reports.golden.FourVariantResults.G;
import static io.authbench.reports.golden.FourVariantResults.H;
import static io.authbench.reports.golden.FourVariantResults.PAIRS;
import static io.authbench.reports.golden.FourVariantResults.SEED;
import static io.authbench.reports.golden.FourVariantResults.UNDERTOW_ONLY_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.authbench.reports.format.Format;
import io.authbench.reports.golden.FourVariantResults;
import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The pattern and framework effects of a four-variant run, against ratios known in closed form
 * ({@link FourVariantResults}) and p-values computed by hand: with n pairs whose log ratios all have the same sign
 * and no ties, the exact two-sided Wilcoxon p is 2 / 2^n.
 */
class FourVariantEffectsTest {
    private static final RunResults RUN = FourVariantResults.run();
    private static final ReportModel MODEL = ReportModel.of(RUN, null, null);
    private static final Effects EFFECTS = MODEL.fourVariants().orElseThrow().effects();
    private static final double P8 = 2 / 256.0;
    private static final double P7 = 2 / 128.0;

    @Test
    void the_pattern_effect_is_the_paired_ssr_csr_ratio_within_each_framework() {
        CellComparison undertow =
                EFFECTS.pattern(Variants.UNDERTOW, "revisit-cold", "loopback").orElseThrow();
        CellComparison nextjs =
                EFFECTS.pattern(Variants.NEXTJS, "revisit-cold", "loopback").orElseThrow();

        assertThat(undertow.first().variant()).isEqualTo(Variants.SSR);
        assertThat(undertow.second().variant()).isEqualTo(Variants.CSR);
        assertThat(undertow.ratio()).isCloseTo(pairedRatio(PAIRS, k -> 1 / (2 * H[k])), within(1e-12));
        assertThat(nextjs.first().variant()).isEqualTo(Variants.NEXT_SSR);
        assertThat(nextjs.second().variant()).isEqualTo(Variants.NEXT_CSR);
        assertThat(nextjs.ratio()).isCloseTo(pairedRatio(PAIRS, k -> 2 * F[k] / G[k]), within(1e-12));
        assertThat(undertow.test().pValue()).isCloseTo(P8, within(1e-12));
        assertThat(nextjs.test().pValue()).isCloseTo(P8, within(1e-12));
        // One family of 6 cells (4 Undertow, 2 Next.js): the smallest p times 6, made monotone.
        assertThat(EFFECTS.pattern())
                .hasSize(6)
                .allSatisfy(c -> assertThat(c.holmP()).isCloseTo(6 * P8, within(1e-12)));
        assertThat(undertow.verdict().sentence())
                .startsWith("SSR faster by " + Verdict.pct(1 - undertow.ratio()) + " %");
        assertThat(nextjs.verdict().sentence())
                .startsWith("CSR faster by " + Verdict.pct(1 - 1 / nextjs.ratio()) + " %");
    }

    @Test
    void the_framework_effect_pairs_next_js_and_undertow_by_pair_number_for_each_pattern() {
        CellComparison ssr =
                EFFECTS.framework(Variants.SSR, "revisit-cold", "loopback").orElseThrow();
        CellComparison csr =
                EFFECTS.framework(Variants.CSR, "revisit-cold", "loopback").orElseThrow();

        assertThat(ssr.first().variant()).isEqualTo(Variants.NEXT_SSR);
        assertThat(ssr.second().variant()).isEqualTo(Variants.SSR);
        assertThat(ssr.ratio()).isCloseTo(pairedRatio(PAIRS, k -> 3 * F[k]), within(1e-12));
        assertThat(csr.first().variant()).isEqualTo(Variants.NEXT_CSR);
        assertThat(csr.second().variant()).isEqualTo(Variants.CSR);
        assertThat(csr.ratio()).isCloseTo(pairedRatio(PAIRS, k -> 0.75 * G[k] / H[k]), within(1e-12));
        // Interval: one block, so the order-statistic interval of the per-pair log ratios.
        double[] logs = new double[PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            logs[k] = Math.log(3 * F[k]);
        }
        Interval expected = OrderStatisticInterval.median(logs);
        assertThat(ssr.seed()).isEqualTo(SEED * 31 + "revisit-cold|loopback|framework-ssr".hashCode());
        assertThat(ssr.interval().low()).isCloseTo(Math.exp(expected.low()), within(1e-12));
        assertThat(ssr.interval().high()).isCloseTo(Math.exp(expected.high()), within(1e-12));
        // within the values' range (the order-statistic interval may end on its extremes)
        assertThat(ssr.interval().low()).isBetween(3 * 0.8 * (1 - 1e-12), ssr.ratio());
        assertThat(ssr.interval().high()).isBetween(ssr.ratio(), 3 * 1.2 * (1 + 1e-12));
        assertThat(csr.interval().high()).isLessThan(1);
        // One family of 4 cells (SSR and CSR on two profiles).
        assertThat(EFFECTS.framework())
                .hasSize(4)
                .allSatisfy(c -> assertThat(c.holmP()).isCloseTo(4 * P8, within(1e-12)));
        assertThat(ssr.verdict().kind()).isEqualTo(Verdict.Kind.SECOND_FASTER);
        assertThat(ssr.verdict().sentence())
                .startsWith("Undertow faster by " + Verdict.pct(1 - 1 / ssr.ratio()) + " %");
        assertThat(csr.verdict().kind()).isEqualTo(Verdict.Kind.FIRST_FASTER);
        assertThat(csr.verdict().sentence()).startsWith("Next.js faster by " + Verdict.pct(1 - csr.ratio()) + " %");
    }

    @Test
    void a_failed_sample_makes_its_pair_incomplete_in_both_questions_it_takes_part_in() {
        CellComparison nextPattern =
                EFFECTS.pattern(Variants.NEXTJS, "revisit-cold", "slow-4g").orElseThrow();
        CellComparison ssrFramework =
                EFFECTS.framework(Variants.SSR, "revisit-cold", "slow-4g").orElseThrow();
        CellComparison csrFramework =
                EFFECTS.framework(Variants.CSR, "revisit-cold", "slow-4g").orElseThrow();

        assertThat(nextPattern.pairs()).isEqualTo(PAIRS - 1);
        assertThat(nextPattern.incompletePairs()).isEqualTo(1);
        assertThat(nextPattern.first().failures()).isEqualTo(1);
        assertThat(nextPattern.ratio()).isCloseTo(pairedRatioWithout(FAILED_PAIR, k -> 2 * F[k] / G[k]), within(1e-12));
        assertThat(nextPattern.test().pValue()).isCloseTo(P7, within(1e-12));
        assertThat(ssrFramework.pairs()).isEqualTo(PAIRS - 1);
        assertThat(ssrFramework.ratio()).isCloseTo(pairedRatioWithout(FAILED_PAIR, k -> 3 * F[k]), within(1e-12));
        assertThat(csrFramework.pairs()).isEqualTo(PAIRS);
        assertThat(csrFramework.incompletePairs()).isZero();
    }

    @Test
    void a_flow_the_next_js_apps_skipped_has_cells_but_no_next_js_comparison() {
        assertThat(EFFECTS.cells())
                .contains(
                        new Effects.Cell(UNDERTOW_ONLY_FLOW, "loopback"),
                        new Effects.Cell(UNDERTOW_ONLY_FLOW, "slow-4g"));
        assertThat(EFFECTS.pattern(Variants.UNDERTOW, UNDERTOW_ONLY_FLOW, "loopback"))
                .isPresent();
        assertThat(EFFECTS.pattern(Variants.NEXTJS, UNDERTOW_ONLY_FLOW, "loopback"))
                .isEmpty();
        assertThat(EFFECTS.framework(Variants.SSR, UNDERTOW_ONLY_FLOW, "loopback"))
                .isEmpty();
        assertThat(EFFECTS.framework(Variants.CSR, UNDERTOW_ONLY_FLOW, "slow-4g"))
                .isEmpty();
    }

    @Test
    void pairing_follows_the_pair_number_not_the_order_of_the_samples_in_the_file() {
        List<Sample> shuffled = new ArrayList<>(RUN.samples());
        Collections.shuffle(shuffled, new Random(7));
        Effects again = Effects.of(RUN.withSamples(shuffled));

        assertThat(again.framework(Variants.SSR, "revisit-cold", "loopback")
                        .orElseThrow()
                        .ratio())
                .isEqualTo(EFFECTS.framework(Variants.SSR, "revisit-cold", "loopback")
                        .orElseThrow()
                        .ratio());
        assertThat(again.framework())
                .extracting(CellComparison::interval)
                .containsExactlyElementsOf(EFFECTS.framework().stream()
                        .map(CellComparison::interval)
                        .toList());
    }

    @Test
    void the_undertow_pattern_cells_of_a_four_variant_run_keep_their_ratios_and_seeds_and_share_one_holm_family() {
        ReportModel twoVariants = ReportModel.of(FourVariantResults.undertowOnly(), null, null);
        CellComparison alone = Comparisons.find(twoVariants.comparisons().ssrCsr(), "revisit-cold", "loopback")
                .orElseThrow();
        CellComparison together = Comparisons.find(MODEL.comparisons().ssrCsr(), "revisit-cold", "loopback")
                .orElseThrow();

        assertThat(twoVariants.fourVariants()).isEmpty();
        assertThat(MODEL.comparisons().ssrCsr()).isEqualTo(EFFECTS.patternIn(Variants.UNDERTOW));
        assertThat(together.ratio()).isEqualTo(alone.ratio());
        assertThat(together.interval()).isEqualTo(alone.interval());
        assertThat(together.seed()).isEqualTo(alone.seed());
        assertThat(alone.holmP()).isCloseTo(4 * P8, within(1e-12));
        assertThat(together.holmP()).isCloseTo(6 * P8, within(1e-12));
    }

    @Test
    void the_claims_get_a_verdict_per_framework_from_that_frameworks_own_measurements() {
        List<ClaimRow> nextjs = MODEL.fourVariants().orElseThrow().nextjsClaims();

        assertThat(nextjs)
                .extracting(ClaimRow::topic)
                .containsExactlyElementsOf(
                        MODEL.claims().stream().map(ClaimRow::topic).toList());
        assertThat(claim(MODEL.claims(), "Initial load time").verdict()).isEqualTo(ClaimVerdict.CONFIRMED);
        assertThat(claim(nextjs, "Initial load time").verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(claim(nextjs, "Initial load time").ssr())
                .contains("loopback "
                        + Format.ms(EFFECTS.pattern(Variants.NEXTJS, "revisit-cold", "loopback")
                                .orElseThrow()
                                .first()
                                .median()));
        // The line counts are of the Undertow apps: the Next.js column says so instead of borrowing them.
        assertThat(claim(MODEL.claims(), "Development complexity").ssr()).contains("214 lines");
        assertThat(claim(nextjs, "Development complexity").ssr()).isEqualTo("not measured");
        assertThat(claim(nextjs, "Development complexity").why()).contains("bundled Undertow apps only");
    }

    @Test
    void the_baseline_compares_like_with_like() {
        List<BaselineComparison.Row> againstTwoVariants = ReportModel.of(RUN, FourVariantResults.undertowOnly(), "b")
                .baseline()
                .orElseThrow()
                .rows();
        BaselineComparison.Result itself =
                ReportModel.of(RUN, RUN, "b").baseline().orElseThrow();
        List<BaselineComparison.Row> againstItself = itself.rows();

        BaselineComparison.Row ssr = row(againstTwoVariants, Variants.SSR);
        BaselineComparison.Row nextSsr = row(againstTwoVariants, Variants.NEXT_SSR);
        assertThat(ssr.ratio()).isEqualTo(1.0);
        assertThat(nextSsr.sentence()).isEqualTo("not in the baseline run");
        assertThat(nextSsr.ratio()).isNull();
        // Against a four-variant baseline the Next.js rows meet the baseline's Next.js samples (ratio 1), not
        // Undertow's (which would give about 3).
        assertThat(row(againstItself, Variants.NEXT_SSR).ratio()).isEqualTo(1.0);
        assertThat(row(againstItself, Variants.NEXT_CSR).ratio()).isEqualTo(1.0);
        assertThat(againstItself).extracting(BaselineComparison.Row::variant).contains(Variants.SSR_A, Variants.SSR_B);
        // The ratio rows of the Next.js pair carry their own labels, in the same family as Undertow's.
        assertThat(itself.ratioRows())
                .extracting(BaselineComparison.RatioRow::pairName)
                .contains("SSR/CSR", "next-ssr/next-csr");
    }

    @Test
    void a_two_variant_file_has_no_four_variant_part() {
        RunResults golden = Golden.read("full-run");

        assertThat(Effects.applies(golden)).isFalse();
        assertThat(golden.run().config().variantsRun()).containsExactly(Variants.SSR, Variants.CSR);
        assertThat(ReportModel.of(golden, null, null).fourVariants()).isEmpty();
    }

    private static BaselineComparison.Row row(List<BaselineComparison.Row> rows, String variant) {
        return rows.stream()
                .filter(r -> r.flow().equals("revisit-cold")
                        && r.profile().equals("loopback")
                        && r.variant().equals(variant))
                .findFirst()
                .orElseThrow();
    }

    private static ClaimRow claim(List<ClaimRow> rows, String topic) {
        return rows.stream().filter(c -> c.topic().equals(topic)).findFirst().orElseThrow();
    }

    /** exp(median over k of ln ratio(k)), the median of an even count being the mean of the middle two. */
    static double pairedRatio(int n, IntToDoubleFunction ratio) {
        return pairedRatioWithout(-1, n, ratio);
    }

    private static double pairedRatioWithout(int skipped, IntToDoubleFunction ratio) {
        return pairedRatioWithout(skipped, PAIRS, ratio);
    }

    private static double pairedRatioWithout(int skipped, int n, IntToDoubleFunction ratio) {
        double[] logs = IntStream.range(0, n)
                .filter(k -> k != skipped)
                .mapToDouble(k -> Math.log(ratio.applyAsDouble(k)))
                .sorted()
                .toArray();
        int m = logs.length;
        double median = m % 2 == 1 ? logs[m / 2] : (logs[m / 2 - 1] + logs[m / 2]) / 2;
        return Math.exp(median);
    }
}
