package io.authbench.reports.stats;

import java.util.Locale;

/**
 * The verdict of one paired comparison, as a kind and a sentence.
 *
 * <p>Rule (written down in reports/README.md): with at least {@link #MIN_PAIRS} complete pairs, the first variant
 * (SSR) is <b>faster</b> when the Holm-adjusted Wilcoxon p-value is below {@link #ALPHA} <b>and</b> the bootstrap
 * 95 % interval of the ratio lies entirely below 1; the second (CSR) is faster when both hold with the interval
 * above 1; otherwise there is no significant difference. "Faster by X %" means the faster variant's time is X %
 * lower: X = 1 − ratio for SSR, X = 1 − 1/ratio for CSR, with the interval transformed the same way.
 */
public record Verdict(Kind kind, String sentence) {
    /** Significance level after Holm correction. */
    public static final double ALPHA = 0.05;
    /** Fewer pairs cannot reach p &lt; 0.05 with an exact two-sided signed-rank test (n = 5 gives p ≥ 0.0625). */
    public static final int MIN_PAIRS = 6;

    public enum Kind {
        FIRST_FASTER,
        SECOND_FASTER,
        NO_DIFFERENCE,
        TOO_FEW_PAIRS
    }

    /**
     * @param first  display name of the ratio's numerator (e.g. "SSR")
     * @param second display name of the denominator (e.g. "CSR")
     */
    static Verdict decide(String first, String second, int pairs, Double ratio, Interval interval, Double holmP) {
        if (pairs < MIN_PAIRS || ratio == null || interval == null || holmP == null) {
            return new Verdict(
                    Kind.TOO_FEW_PAIRS,
                    "not enough complete pairs for a verdict (" + pairs + " of at least " + MIN_PAIRS + ")");
        }
        boolean significant = holmP < ALPHA;
        if (significant && interval.high() < 1) {
            return new Verdict(
                    Kind.FIRST_FASTER,
                    first + " faster by " + pct(1 - ratio) + " % [" + pct(1 - interval.high()) + " %, "
                            + pct(1 - interval.low()) + " %]");
        }
        if (significant && interval.low() > 1) {
            return new Verdict(
                    Kind.SECOND_FASTER,
                    second + " faster by " + pct(1 - 1 / ratio) + " % [" + pct(1 - 1 / interval.low()) + " %, "
                            + pct(1 - 1 / interval.high()) + " %]");
        }
        return new Verdict(Kind.NO_DIFFERENCE, "no significant difference");
    }

    /** A percentage: one decimal below 10 %, none above ("4.2", "35"). */
    static String pct(double fraction) {
        double percent = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(percent) < 10 ? "%.1f" : "%.0f", percent);
    }
}
