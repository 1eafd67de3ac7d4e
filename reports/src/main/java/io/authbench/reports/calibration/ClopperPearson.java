package io.authbench.reports.calibration;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The exact (Clopper–Pearson) 95 % interval of a binomial proportion, as R's {@code binom.test(x, n)$conf.int}: the
 * 2.5 % quantile of Beta(x, n − x + 1) and the 97.5 % quantile of Beta(x + 1, n − x), 0 when x = 0 and 1 when x = n.
 * Chosen over the normal (Wald) interval because the proportion here is near 0 with n of about 20, where Wald's
 * interval is too narrow and can go below 0; Clopper–Pearson never covers less than 95 %.
 */
public final class ClopperPearson {
    private ClopperPearson() {}

    /** {@code [low, high]} for {@code successes} of {@code trials}; trials ≥ 1. */
    public static double[] interval(int successes, int trials) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " of " + trials + " is not a binomial count");
        }
        double low = successes == 0
                ? 0
                : new BetaDistribution(null, successes, trials - successes + 1).inverseCumulativeProbability(0.025);
        double high = successes == trials
                ? 1
                : new BetaDistribution(null, successes + 1, trials - successes).inverseCumulativeProbability(0.975);
        return new double[] {low, high};
    }
}
