package io.authbench.reports.stats;

import io.authbench.reports.results.Quantiles;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals with a fixed seed, so the same results.json always yields the same
 * report.
 *
 * <p>Resampling: {@value #RESAMPLES} resamples; each draws n values with replacement (n = sample size) using
 * {@link SplittableRandom} seeded as documented by the caller; the statistic is the median ({@link Quantiles},
 * type 7); the 95 % interval is the 2.5th and 97.5th percentile (type 7) of the resampled statistics.
 */
public final class Bootstrap {
    /** B, the number of bootstrap resamples. */
    public static final int RESAMPLES = 10_000;

    private Bootstrap() {}

    /** 95 % interval of the median of {@code values} (e.g. per-pair log ratios: paired resampling). */
    public static Interval medianInterval(double[] values, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[RESAMPLES];
        double[] resample = new double[values.length];
        for (int b = 0; b < RESAMPLES; b++) {
            draw(values, resample, random);
            statistics[b] = medianInPlace(resample);
        }
        return percentiles(statistics);
    }

    /**
     * 95 % interval of log(median(current) / median(baseline)) for two independent samples: each resample draws
     * from both samples independently (unpaired), used for the comparison with a baseline run.
     */
    public static Interval logMedianRatioInterval(double[] current, double[] baseline, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[RESAMPLES];
        double[] a = new double[current.length];
        double[] b = new double[baseline.length];
        for (int i = 0; i < RESAMPLES; i++) {
            draw(current, a, random);
            draw(baseline, b, random);
            statistics[i] = Math.log(medianInPlace(a) / medianInPlace(b));
        }
        return percentiles(statistics);
    }

    private static void draw(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    private static double medianInPlace(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static Interval percentiles(double[] statistics) {
        return new Interval(Quantiles.of(statistics, 0.025), Quantiles.of(statistics, 0.975));
    }
}
