package io.authbench.reports.stats;

import io.authbench.reports.results.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * One run's level of each cell (a cell variant's log time, or a cell's log paired ratio) and how precisely the run
 * knows it, from the variation between the run's blocks (docs/statistics.md#baseline-comparison).
 *
 * <p>Why blocks: every block restarts the stack, so how much a cell's block medians scatter inside one run is the
 * variation a re-run of the same build would show, measured on that cell itself. Unlike the scatter of the changes
 * across cells, it cannot be inflated by the cells that really changed between the runs.
 *
 * <p>Per cell and block the statistic is the median of the cell's log values in that block. With
 * {@code removeCommon} (times), each block's common factor is removed first: a Tukey median polish of the cells ×
 * blocks table of those medians gives every block an effect shared by all cells of the run (the machine slower for
 * the minutes of that block), which is subtracted, so it neither widens every cell's noise nor moves its level. A
 * cell's level is the mean of its b block statistics; the variance of that mean is the between-block variance
 * (divisor b − 1) over b, moderated towards the typical cell of the run: {@code ((d0 s0² + (b − 1) s²) / (d0 + b −
 * 1)) / b}, with {@code s0²} the median of the cells' between-block variances (divided by the median of a χ²
 * variable on their degrees of freedom over its mean, so that it estimates their mean, not the skewed median) and
 * {@code d0 =}
 * {@value #POOLED_DEGREES} (Smyth's moderated variance with a fixed prior weight; three blocks alone give a variance
 * on 2 degrees of freedom, too rough to test with). Its degrees of freedom are {@code d0 + b − 1}.
 */
public final class BlockLevels {
    /** Weight, in degrees of freedom, of the run's typical between-block variance in each cell's variance. */
    static final double POOLED_DEGREES = 4;

    private static final int POLISH_ROUNDS = 10;

    private BlockLevels() {}

    /**
     * @param logValues the cell's log values (log times, or log paired ratios)
     * @param blocks    per value, its block (negative: unknown, counted as block 0)
     */
    public record Series(double[] logValues, int[] blocks) {}

    /**
     * @param mean     mean of the cell's block statistics (common factors removed when asked)
     * @param variance variance of that mean (moderated); NaN with one block
     * @param df       degrees of freedom of {@code variance}
     * @param blocks   how many blocks the cell has values in
     */
    public record Level(double mean, double variance, double df, int blocks) {
        public boolean hasBlocks() {
            return blocks >= 2;
        }
    }

    /** The blocks a set of per-value block numbers spans (unknown counted as block 0). */
    public static int blockCount(int[] blocks) {
        return (int) Arrays.stream(blocks).map(b -> Math.max(0, b)).distinct().count();
    }

    /** The level of every cell of one run, keyed as {@code series}. */
    public static <K> Map<K, Level> of(Map<K, Series> series, boolean removeCommon) {
        List<K> keys = new ArrayList<>(series.keySet());
        TreeSet<Integer> allBlocks = new TreeSet<>();
        series.values().forEach(s -> Arrays.stream(s.blocks()).forEach(b -> allBlocks.add(Math.max(0, b))));
        List<Integer> blockList = new ArrayList<>(allBlocks);
        double[][] table = new double[keys.size()][blockList.size()];
        for (int c = 0; c < keys.size(); c++) {
            Series s = series.get(keys.get(c));
            for (int b = 0; b < blockList.size(); b++) {
                int block = blockList.get(b);
                double[] inBlock = valuesIn(s, block);
                table[c][b] = inBlock.length == 0 ? Double.NaN : Quantiles.median(inBlock);
            }
        }
        if (removeCommon) {
            double[] common = commonFactors(table);
            for (double[] row : table) {
                for (int b = 0; b < row.length; b++) {
                    row[b] -= common[b];
                }
            }
        }
        double[] variances = new double[keys.size()];
        double[] means = new double[keys.size()];
        int[] counts = new int[keys.size()];
        List<Double> withBlocks = new ArrayList<>();
        for (int c = 0; c < keys.size(); c++) {
            double[] present =
                    Arrays.stream(table[c]).filter(x -> !Double.isNaN(x)).toArray();
            counts[c] = present.length;
            means[c] = Arrays.stream(present).average().orElse(Double.NaN);
            variances[c] = present.length < 2 ? Double.NaN : sampleVariance(present);
            if (present.length >= 2) {
                withBlocks.add(variances[c]);
            }
        }
        // The median of the cells' variances, scaled to estimate their typical mean: a variance on few degrees of
        // freedom is skewed (with 2, its median is 0.69 of its mean), so the plain median would understate it.
        double typical = withBlocks.isEmpty()
                ? Double.NaN
                : Quantiles.median(withBlocks.stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray())
                        / medianOfChiSquareMean(typicalDegrees(counts));
        Map<K, Level> levels = new LinkedHashMap<>();
        for (int c = 0; c < keys.size(); c++) {
            int b = counts[c];
            if (b < 2) {
                levels.put(keys.get(c), new Level(means[c], Double.NaN, 0, b));
                continue;
            }
            double moderated = (POOLED_DEGREES * typical + (b - 1) * variances[c]) / (POOLED_DEGREES + b - 1);
            levels.put(keys.get(c), new Level(means[c], moderated / b, POOLED_DEGREES + b - 1, b));
        }
        return levels;
    }

    /**
     * Each block's effect common to all cells: Tukey's median polish of the table (cells × blocks, NaN where a cell
     * has no value in a block, as when a cell stopped early), the column effects. Medians, so one cell that moved in
     * a block does not move the block's factor.
     */
    static double[] commonFactors(double[][] table) {
        int cells = table.length;
        int blocks = cells == 0 ? 0 : table[0].length;
        double[][] residual = new double[cells][];
        for (int c = 0; c < cells; c++) {
            residual[c] = table[c].clone();
        }
        double[] column = new double[blocks];
        for (int round = 0; round < POLISH_ROUNDS; round++) {
            for (double[] row : residual) {
                double m = medianOfPresent(row);
                if (!Double.isNaN(m)) {
                    for (int b = 0; b < blocks; b++) {
                        row[b] -= m;
                    }
                }
            }
            for (int b = 0; b < blocks; b++) {
                double[] col = new double[cells];
                for (int c = 0; c < cells; c++) {
                    col[c] = residual[c][b];
                }
                double m = medianOfPresent(col);
                if (!Double.isNaN(m)) {
                    column[b] += m;
                    for (int c = 0; c < cells; c++) {
                        residual[c][b] -= m;
                    }
                }
            }
        }
        return column;
    }

    /** The median of a variance on {@code df} degrees of freedom, in units of its mean (χ²_df median / df). */
    static double medianOfChiSquareMean(double df) {
        return new ChiSquaredDistribution(null, df).inverseCumulativeProbability(0.5) / df;
    }

    /** The median, over the cells with at least two blocks, of their degrees of freedom (blocks − 1). */
    private static double typicalDegrees(int[] counts) {
        double[] df = Arrays.stream(counts)
                .filter(b -> b >= 2)
                .mapToDouble(b -> b - 1)
                .toArray();
        return Quantiles.median(df);
    }

    private static double medianOfPresent(double[] values) {
        double[] present = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        return present.length == 0 ? Double.NaN : Quantiles.median(present);
    }

    private static double[] valuesIn(Series s, int block) {
        List<Double> in = new ArrayList<>();
        for (int i = 0; i < s.logValues().length; i++) {
            if (Math.max(0, s.blocks()[i]) == block) {
                in.add(s.logValues()[i]);
            }
        }
        return in.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double sampleVariance(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(x -> (x - mean) * (x - mean)).sum() / (values.length - 1);
    }
}
