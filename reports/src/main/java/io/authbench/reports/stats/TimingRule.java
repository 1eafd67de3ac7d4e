package io.authbench.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule of the timing claims (initial load, user experience, data fetching): the per-profile cell verdicts of
 * {@link Verdict}, counted only in cells with enough complete pairs for the test to be significant at all.
 *
 * <p>Why a minimum beyond {@link Verdict#MIN_PAIRS}: the exact signed-rank test's smallest two-sided p-value is
 * 2 / 2^n, and Holm may multiply it by the number of cells in the family. With fewer pairs than
 * {@link #minPairs} a cell can only ever say "no significant difference", which is no evidence against a claim,
 * so it is left out rather than counted as "not faster" (7 pairs for 2 cells, 11 for the 28 of a default run).
 * When no cell of the claim has that many pairs, the claim is <b>not measured</b>.
 */
final class TimingRule {
    private TimingRule() {}

    /**
     * The outcome over the judged cells.
     *
     * @param verdict   confirmed (the claimed direction in every judged cell), refuted (in none), depends on the
     *                  profile (in some), or not measured (no judged cell)
     * @param why       per judged cell its verdict sentence; then the cells left out and why
     * @param judged    cells with enough pairs
     * @param minPairs  the minimum used
     */
    record Outcome(ClaimVerdict verdict, String why, int judged, int minPairs) {}

    /**
     * The fewest complete pairs with which a cell can reach Holm p &lt; 0.05 among {@code family} tested cells:
     * 2 / 2^n × family &lt; 0.05, and never fewer than {@link Verdict#MIN_PAIRS}.
     */
    static int minPairs(int family) {
        int n = Verdict.MIN_PAIRS;
        while (Math.pow(2, 1 - n) * Math.max(1, family) >= Verdict.ALPHA) {
            n++;
        }
        return n;
    }

    /** Cells of a Holm family that have pairs (the cells the correction counted). */
    static int family(List<CellComparison> cells) {
        return (int) cells.stream().filter(c -> c.pairs() > 0).count();
    }

    /**
     * @param cells   the claim's cells (one flow, every profile)
     * @param claimed the direction the claim predicts
     * @param family  the size of the cells' Holm family
     */
    static Outcome classify(List<CellComparison> cells, Verdict.Kind claimed, int family) {
        int needed = minPairs(family);
        List<String> agree = new ArrayList<>();
        List<String> other = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (CellComparison c : cells) {
            if (c.pairs() < needed || c.verdict() == null || c.verdict().kind() == Verdict.Kind.TOO_FEW_PAIRS) {
                left.add(c.profile() + " (" + c.pairs() + ")");
                continue;
            }
            (c.verdict().kind() == claimed ? agree : other)
                    .add(c.profile() + ": " + c.verdict().sentence());
        }
        String leftOut = left.isEmpty()
                ? ""
                : "left out with fewer than " + needed + " complete pairs: " + String.join(", ", left);
        if (agree.isEmpty() && other.isEmpty()) {
            return new Outcome(
                    ClaimVerdict.NOT_MEASURED,
                    "too few complete pairs for a verdict in any profile (at least " + needed + " needed for the test"
                            + " to reach Holm p < 0.05 among " + family + " cells; had "
                            + String.join(", ", left.isEmpty() ? List.of("no cell") : left) + ")",
                    0,
                    needed);
        }
        List<String> parts = new ArrayList<>(agree);
        parts.addAll(other);
        if (!leftOut.isEmpty()) {
            parts.add(leftOut);
        }
        String why = String.join("; ", parts);
        ClaimVerdict verdict = other.isEmpty()
                ? ClaimVerdict.CONFIRMED
                : agree.isEmpty() ? ClaimVerdict.REFUTED : ClaimVerdict.DEPENDS_ON_PROFILE;
        return new Outcome(verdict, why, agree.size() + other.size(), needed);
    }
}
