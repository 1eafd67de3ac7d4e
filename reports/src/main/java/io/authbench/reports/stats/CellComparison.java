package io.authbench.reports.stats;

import java.util.Arrays;

/**
 * The paired comparison of two variants in one cell (flow × profile): SSR against CSR, or the A/A cell's two SSR
 * runs.
 *
 * @param flow           flow name
 * @param profile        profile name
 * @param aa             true for the A/A (noise floor) comparison
 * @param first          the ratio's numerator (SSR, or SSR-A)
 * @param second         the denominator (CSR, or SSR-B)
 * @param logRatios      ln(first / second) per complete pair, in pair order
 * @param incompletePairs pairs with a failed or unmeasured side, left out of the paired statistics
 * @param ratio          exp(median of the log ratios): the typical paired ratio; null without pairs
 * @param interval       95 % interval of that ratio: with more than one block the block-aware bootstrap
 *                       ({@link Bootstrap#blockMedian}), with one the {@link OrderStatisticInterval}; null without
 *                       pairs
 * @param test           Wilcoxon signed-rank test of the log ratios against 0
 * @param holmP          p-value after Holm correction across the cells of the same family; null without pairs
 * @param seed           bootstrap seed used for this cell
 * @param verdict        the verdict by the documented rule
 * @param pairBlocks     per log ratio, the block its pair ran in (-1: unknown, as in files without blocks)
 * @param blocks         how many blocks the complete pairs came from (1 when unknown)
 * @param blockP         the block-aware bootstrap p-value ({@link Bootstrap.BlockResult#twoSidedP}); NaN with one
 *                       block
 */
public record CellComparison(
        String flow,
        String profile,
        boolean aa,
        VariantStats first,
        VariantStats second,
        double[] logRatios,
        int incompletePairs,
        Double ratio,
        Interval interval,
        SignedRankTest.Result test,
        Double holmP,
        long seed,
        Verdict verdict,
        int[] pairBlocks,
        int blocks,
        double blockP) {

    public int pairs() {
        return logRatios.length;
    }

    /**
     * The p-value the Holm correction and the verdict use: the signed-rank test's, and with more than one block the
     * larger of it and the block-aware bootstrap p-value (the signed-rank test counts every pair as independent, which
     * pairs of one block are not quite: docs/statistics.md#blocks).
     */
    public double pValue() {
        return Double.isNaN(blockP) ? test.pValue() : Math.max(test.pValue(), blockP);
    }

    /** Holm correction and verdict given (see {@link Comparisons#withHolm}). */
    CellComparison judged(Double adjustedP, Verdict newVerdict) {
        return new CellComparison(
                flow,
                profile,
                aa,
                first,
                second,
                logRatios,
                incompletePairs,
                ratio,
                interval,
                test,
                adjustedP,
                seed,
                newVerdict,
                pairBlocks,
                blocks,
                blockP);
    }

    /** Display name of the first variant. */
    public String firstName() {
        return aa ? "SSR-A" : "SSR";
    }

    public String secondName() {
        return aa ? "SSR-B" : "CSR";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellComparison c
                && flow.equals(c.flow)
                && profile.equals(c.profile)
                && aa == c.aa
                && Arrays.equals(logRatios, c.logRatios);
    }

    @Override
    public int hashCode() {
        return (flow + profile + aa).hashCode() * 31 + Arrays.hashCode(logRatios);
    }
}
