package io.authbench.reports.stats;

import java.util.Arrays;

/**
 * The 95 % interval of a median that every section of the report uses, so that a figure gets the same kind of
 * interval wherever it appears: with values from more than one block the block-aware bootstrap
 * ({@link Bootstrap#blockMedian}: the variation between restarts of the stack is part of it), with one block (a
 * quick run, {@code --pairs=N}, a file without blocks) the distribution-free {@link OrderStatisticInterval}, because
 * the percentile bootstrap of a median under-covers with the few values of one block.
 */
public final class MedianInterval {
    private MedianInterval() {}

    /**
     * The interval of the median of {@code values}, value {@code i} measured in block {@code blocks[i]} (negative:
     * unknown, counted as block 0); at least one value. The result's p-value is the block bootstrap's with more than
     * one block, NaN with one (the caller's signed-rank test alone applies).
     */
    public static Bootstrap.BlockResult of(double[] values, int[] blocks, long seed) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to make an interval of");
        }
        if (blockCount(blocks) > 1) {
            return Bootstrap.blockMedian(values, blocks, seed);
        }
        return new Bootstrap.BlockResult(OrderStatisticInterval.median(values), 1, Double.NaN);
    }

    private static long blockCount(int[] blocks) {
        return Arrays.stream(blocks).map(b -> Math.max(0, b)).distinct().count();
    }
}
