package io.authbench.reports.results;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The one percentile definition used everywhere (cells in results.json, the report, summary.csv).
 *
 * <p>Definition: Hyndman &amp; Fan type 7 (linear interpolation between closest ranks; R's default
 * {@code quantile(type = 7)}, NumPy's default, Excel's PERCENTILE.INC), computed by commons-math3's
 * {@link Percentile} with {@link EstimationType#R_7}. With n values sorted as x[1..n], the p-quantile is
 * x[h] interpolated at h = (n − 1)·p + 1. The median of an even count is the mean of the middle two.
 */
public final class Quantiles {
    private Quantiles() {}

    /**
     * The {@code p}-quantile (0 &lt; p ≤ 1) of {@code values}, or null for an empty array.
     */
    public static Double of(double[] values, double p) {
        if (values.length == 0) {
            return null;
        }
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile p must be in (0, 1], got " + p);
        }
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p * 100);
    }

    public static Double median(double[] values) {
        return of(values, 0.5);
    }
}
