package io.authbench.reports.results;

/**
 * How a run was split into blocks and when a cell stopped sampling (docs/statistics.md#blocks).
 *
 * <p>A block is one full pass over the profiles and their open cells, with the stack (links and apps) restarted
 * before every profile of every block. Every open cell gets its warm-up pairs and then {@code pairsPerBlock} measured
 * pairs in each block. After each block from {@code minBlocks} on, a cell whose paired ratio is precise enough stops:
 * the half-width of the 95 % interval of its log ratio (block-aware, so it includes the variation between blocks) is
 * at most {@code precision}. No cell runs more than {@code maxBlocks} blocks. {@code minBlocks == maxBlocks} is a
 * fixed design ({@link #adaptive()} false).
 *
 * @param pairsPerBlock measured pairs each open cell gets per block; at least 1
 * @param minBlocks     blocks every cell runs before it may stop; at least 1
 * @param maxBlocks     blocks no cell runs more than; at least {@code minBlocks}
 * @param precision     the stopping precision: half-width of the 95 % interval of ln(ratio), e.g. 0.10 for an
 *                      interval of about ratio ÷ 1.105 to ratio × 1.105; greater than 0
 */
public record BlockDesign(int pairsPerBlock, int minBlocks, int maxBlocks, double precision) {

    public BlockDesign {
        if (pairsPerBlock < 1) {
            throw new IllegalArgumentException("blocks.pairsPerBlock must be at least 1, got " + pairsPerBlock);
        }
        if (minBlocks < 1) {
            throw new IllegalArgumentException("blocks.minBlocks must be at least 1, got " + minBlocks);
        }
        if (maxBlocks < minBlocks) {
            throw new IllegalArgumentException(
                    "blocks.maxBlocks (" + maxBlocks + ") must be at least blocks.minBlocks (" + minBlocks + ")");
        }
        if (!(precision > 0) || Double.isInfinite(precision)) {
            throw new IllegalArgumentException("blocks.precision must be a number above 0, got " + precision);
        }
    }

    /** The precision a fixed design records (never consulted: a fixed design never stops a cell early). */
    public static final double NOT_USED = 1;

    /** One block of {@code pairs} pairs: the design of every run before blocks existed, and of quick mode. */
    public static BlockDesign fixed(int pairs) {
        return new BlockDesign(pairs, 1, 1, NOT_USED);
    }

    /** True when cells may stop before {@link #maxBlocks}. */
    public boolean adaptive() {
        return maxBlocks > minBlocks;
    }

    /** The most measured pairs a cell can get. */
    public int maxPairs() {
        return pairsPerBlock * maxBlocks;
    }

    /** The fewest measured pairs a cell gets. */
    public int minPairs() {
        return pairsPerBlock * minBlocks;
    }
}
