package io.authbench.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Two-sided Wilcoxon signed-rank test of paired differences against 0, computed as R's
 * {@code wilcox.test(x, y, paired = TRUE)} does.
 *
 * <p>Why not commons-math3's {@code WilcoxonSignedRankTest} directly: in 3.6.1 it ranks zero differences instead of
 * dropping them, its exact p-value ignores ties and enumerates all 2^n sign patterns (impractical near its limit
 * of n = 30, and it can exceed 1), and its normal approximation has no tie correction. We use commons-math3 for the
 * parts it gets right — the ranking ({@link NaturalRanking}, average ranks for ties) and the normal distribution —
 * and follow R for the rest:
 * <ul>
 *   <li>zero differences are dropped (Wilcoxon's original method); n is the count of non-zero differences;</li>
 *   <li><b>exact</b> p-value when n &lt; 50 and there are no ties among |d|: the null distribution of V (the sum of
 *       positive ranks) by dynamic programming over rank sums, p = min(1, 2·min(P(V ≤ v), P(V ≥ v)));</li>
 *   <li>otherwise the <b>normal approximation</b> with tie correction of the variance and a continuity correction
 *       of 0.5 toward the mean.</li>
 * </ul>
 */
public final class SignedRankTest {
    /** Largest n for the exact distribution (R uses the same bound). */
    static final int EXACT_LIMIT = 50;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private SignedRankTest() {}

    /** How the p-value was obtained. */
    public enum Method {
        EXACT("exact"),
        NORMAL_APPROXIMATION("normal approximation with tie and continuity correction"),
        NONE("no data");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param n       non-zero differences used
     * @param zeros   zero differences dropped
     * @param v       sum of the ranks of the positive differences (R's V)
     * @param pValue  two-sided p-value (1 when n = 0)
     * @param method  exact or normal approximation
     */
    public record Result(int n, int zeros, double v, double pValue, Method method) {}

    /** Tests whether the paired {@code differences} are symmetric about 0. */
    public static Result test(double[] differences) {
        int zeros = 0;
        for (double d : differences) {
            if (d == 0) {
                zeros++;
            }
        }
        double[] nonZero = new double[differences.length - zeros];
        int k = 0;
        for (double d : differences) {
            if (d != 0) {
                nonZero[k++] = d;
            }
        }
        int n = nonZero.length;
        if (n == 0) {
            return new Result(0, zeros, 0, 1.0, Method.NONE);
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(nonZero[i]);
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
        double v = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                v += ranks[i];
            }
        }
        boolean ties = hasTies(abs);
        if (n < EXACT_LIMIT && !ties) {
            return new Result(n, zeros, v, exactP((int) Math.round(v), n), Method.EXACT);
        }
        return new Result(n, zeros, v, normalP(v, n, abs), Method.NORMAL_APPROXIMATION);
    }

    private static boolean hasTies(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Exact two-sided p from the distribution of V under H0: each rank 1..n is positive with probability 1/2. */
    static double exactP(int v, int n) {
        int max = n * (n + 1) / 2;
        double[] counts = new double[max + 1]; // counts[s] = number of sign patterns with V = s (exact below 2^53)
        counts[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int s = max; s >= rank; s--) {
                counts[s] += counts[s - rank];
            }
        }
        double total = Math.pow(2, n);
        double lower = 0;
        double upper = 0;
        for (int s = 0; s <= max; s++) {
            if (s <= v) {
                lower += counts[s];
            }
            if (s >= v) {
                upper += counts[s];
            }
        }
        return Math.min(1.0, 2 * Math.min(lower, upper) / total);
    }

    private static double normalP(double v, int n, double[] abs) {
        double mean = n * (n + 1) / 4.0;
        double tieTerm = 0;
        double[] sorted = abs.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            tieTerm += t * t * t - t;
            i = j;
        }
        double sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - tieTerm / 48.0);
        if (sigma == 0) {
            return 1.0;
        }
        double diff = v - mean;
        double z = (diff - Math.signum(diff) * 0.5) / sigma;
        return Math.min(
                1.0,
                2 * Math.min(STANDARD_NORMAL.cumulativeProbability(z), 1 - STANDARD_NORMAL.cumulativeProbability(z)));
    }
}
