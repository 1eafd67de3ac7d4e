package io.authbench.harness.cli;

import static io.authbench.harness.cli.RunCommand.blank;
import static io.authbench.harness.cli.RunCommand.parseInt;

import io.authbench.reports.results.BlockDesign;
import picocli.CommandLine.Option;

/**
 * The options of a run's blocks and adaptive sample size (docs/statistics.md#blocks), a mixin of {@link RunCommand}.
 *
 * <p>{@code --pairs=N} keeps its old meaning, one block of N pairs per cell, and so excludes the block options. Quick
 * mode runs one block of {@link Defaults#QUICK_PAIRS} unless a block option is given.
 */
public final class BlockOptions {
    @Option(
            names = "--pairs-per-block",
            paramLabel = "N",
            description = "Measured pairs each open cell gets per block (the stack restarts between blocks). Default: "
                    + Defaults.PAIRS_PER_BLOCK + ".")
    String pairsPerBlock = "";

    @Option(
            names = "--min-blocks",
            paramLabel = "N",
            description = "Blocks every cell runs before it may stop. Default: " + Defaults.MIN_BLOCKS + " (quick: 1).")
    String minBlocks = "";

    @Option(
            names = "--max-blocks",
            paramLabel = "N",
            description = "Blocks no cell runs more than. Default: " + Defaults.MAX_BLOCKS + " (quick: 1).")
    String maxBlocks = "";

    @Option(
            names = "--precision",
            paramLabel = "X",
            description = "A cell stops (after --min-blocks) once the half-width of the 95 % interval of its log"
                    + " SSR/CSR ratio is at most X. Default: " + Defaults.PRECISION + ".")
    String precision = "";

    /**
     * The block design the options ask for.
     *
     * @param quick the run is in quick mode
     * @param pairs the value of {@code --pairs} (blank: not given)
     */
    BlockDesign resolve(boolean quick, String pairs) throws UsageException {
        boolean blockOptions = !blank(pairsPerBlock) || !blank(minBlocks) || !blank(maxBlocks) || !blank(precision);
        if (!blank(pairs)) {
            if (blockOptions) {
                throw new UsageException("--pairs runs one block of N pairs per cell and cannot be combined with"
                        + " --pairs-per-block, --min-blocks, --max-blocks or --precision: drop --pairs to sample in"
                        + " blocks, or drop the block options.");
            }
            return BlockDesign.fixed(parseInt("--pairs", pairs, 0, 1));
        }
        if (quick && !blockOptions) {
            return BlockDesign.fixed(Defaults.QUICK_PAIRS);
        }
        int perBlock = parseInt(
                "--pairs-per-block", pairsPerBlock, quick ? Defaults.QUICK_PAIRS : Defaults.PAIRS_PER_BLOCK, 1);
        int defaultMin = quick ? 1 : Defaults.MIN_BLOCKS;
        int defaultMax = quick ? 1 : Defaults.MAX_BLOCKS;
        int min = parseInt("--min-blocks", minBlocks, 0, 1);
        int max = parseInt("--max-blocks", maxBlocks, 0, 1);
        if (min == 0 && max == 0) {
            min = defaultMin;
            max = defaultMax;
        } else if (min == 0) {
            min = Math.min(defaultMin, max);
        } else if (max == 0) {
            max = Math.max(defaultMax, min);
        } else if (max < min) {
            throw new UsageException("--max-blocks (" + max + ") is smaller than --min-blocks (" + min
                    + "); give a maximum of at" + " least the minimum.");
        }
        double x = Defaults.PRECISION;
        if (!blank(precision)) {
            try {
                x = Double.parseDouble(precision.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--precision: '" + precision + "' is not a number; give the half-width of"
                        + " the 95 % interval of the log ratio, e.g. 0.1.");
            }
            if (!(x > 0) || x > 1) {
                throw new UsageException("--precision: " + precision.trim() + " is out of range; give a number above"
                        + " 0 and at most 1 (the half-width of the 95 % interval of the log ratio, e.g. 0.1).");
            }
        }
        return new BlockDesign(perBlock, min, max, x);
    }
}
