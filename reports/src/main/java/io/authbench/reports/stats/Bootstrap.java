package io.authbench.reports.stats;

import io.authbench.reports.results.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Percentile bootstrap confidence intervals with a fixed seed, so the same results.json always yields the same
 * report.
 *
 * <p>Resampling: {@value #RESAMPLES} resamples; each draws n values with replacement (n = sample size) using
 * {@link SplittableRandom} seeded as documented by the caller; the statistic is the median ({@link Quantiles},
 * type 7); the 95 % interval is the 2.5th and 97.5th percentile (type 7) of the resampled statistics.
 *
 * <p>Runs split into blocks (docs/statistics.md#blocks) are resampled in two stages ({@link #blockMedian}): first the
 * blocks, then the values within each drawn block, so the interval also covers how much the statistic moves from one
 * block (one restart of the stack) to the next, and with it from one run to the next.
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
     * The block-aware bootstrap of a median (two-stage, or hierarchical, bootstrap: Davison and Hinkley 1997, section 3.8).
     *
     * @param interval  95 % percentile interval of the median
     * @param blocks    how many distinct blocks the values came from (1 also when the blocks are unknown)
     * @param twoSidedP two-sided bootstrap p-value of "median = 0": {@code min(1, 2 (1 + min(#{t* ≤ 0}, #{t* ≥ 0})) /
     *                  (B + 1))} over the resampled medians {@code t*}; NaN with one block, where the caller's
     *                  signed-rank test alone is used
     */
    public record BlockResult(Interval interval, int blocks, double twoSidedP) {}

    /**
     * 95 % interval of the median of {@code values} when value {@code i} was measured in block {@code blocks[i]}:
     * each resample draws as many blocks as there are, with replacement, then from each drawn block as many values as
     * it holds, with replacement, and takes the median of them all. A shift that moves a whole block (a restart that
     * left the apps in a faster or slower state, another process loading the machine for a while) is thereby counted
     * as the variation it is, not as {@code n} independent observations. Each resampled median's distance from the
     * estimate (the median of all values) is stretched by {@link #smallClusterFactor} before the percentiles and the
     * p-value are taken, for the few blocks a run has. With one block (or blocks unknown: a
     * negative entry) this is exactly {@link #medianInterval}: the same draws, the same interval.
     */
    public static BlockResult blockMedian(double[] values, int[] blocks, long seed) {
        if (values.length != blocks.length) {
            throw new IllegalArgumentException(
                    "one block per value is needed: " + values.length + " values, " + blocks.length + " blocks");
        }
        double[][] groups = groups(values, blocks);
        if (groups.length <= 1) {
            return new BlockResult(medianInterval(values, seed), 1, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[RESAMPLES];
        double[] resample = new double[values.length];
        double estimate = medianInPlace(values.clone());
        double spread = smallClusterFactor(groups.length);
        int atOrBelow = 0;
        int atOrAbove = 0;
        for (int b = 0; b < RESAMPLES; b++) {
            int filled = 0;
            for (int g = 0; g < groups.length; g++) {
                double[] group = groups[random.nextInt(groups.length)];
                for (int i = 0; i < group.length; i++) {
                    if (filled == resample.length) {
                        resample = Arrays.copyOf(resample, resample.length * 2);
                    }
                    resample[filled++] = group[random.nextInt(group.length)];
                }
            }
            double[] drawn = Arrays.copyOf(resample, filled);
            statistics[b] = estimate + spread * (medianInPlace(drawn) - estimate);
            atOrBelow += statistics[b] <= 0 ? 1 : 0;
            atOrAbove += statistics[b] >= 0 ? 1 : 0;
        }
        double p = Math.min(1, 2.0 * (1 + Math.min(atOrBelow, atOrAbove)) / (RESAMPLES + 1));
        return new BlockResult(percentiles(statistics), groups.length, p);
    }

    /**
     * How much the resampled medians' deviations from the estimate are stretched with {@code g} blocks:
     * {@code sqrt(g / (g - 1))} (1.22 for 3 blocks, 1.15 for 4). Drawing g blocks with replacement from g spreads the
     * resampled statistic by only (g − 1) / g of the variance between blocks (the plug-in variance divides by g, not
     * g − 1), which matters with the three blocks of a default run (its measured effect on how well intervals hold
     * between runs: docs/statistics.md, "Paired ratio and bootstrap interval"). The same correction as the
     * g / (g − 1) of cluster-robust variances.
     */
    static double smallClusterFactor(int g) {
        return g <= 1 ? 1 : Math.sqrt((double) g / (g - 1));
    }

    /** The values by block, blocks in ascending order; unknown blocks (negative) form one group with block 0. */
    private static double[][] groups(double[] values, int[] blocks) {
        Map<Integer, List<Double>> byBlock = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            byBlock.computeIfAbsent(Math.max(0, blocks[i]), k -> new ArrayList<>())
                    .add(values[i]);
        }
        return byBlock.values().stream()
                .map(list -> list.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
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
