package io.authbench.reports.stats;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.BlockDesign;
import io.authbench.reports.results.Flows;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import java.util.Locale;

/**
 * What the report's intervals cover and how many pairs each cell got, in words (docs/statistics.md#blocks): an
 * interval computed from one run's pairs describes the noise inside that run; only a run split into blocks, with the
 * stack restarted between them, lets it include the variation a re-run sees.
 */
public final class IntervalCoverage {
    private IntervalCoverage() {}

    /** The number of distinct blocks among the run's measured samples; 0 when no sample recorded its block. */
    public static int blocksMeasured(RunResults results) {
        return (int) results.samples().stream()
                .filter(s -> !s.warmup())
                .mapToInt(Sample::blockIndex)
                .filter(b -> b >= 0)
                .distinct()
                .count();
    }

    /** One sentence: what the 95 % intervals of the paired ratios resample, and so what they cover. */
    public static String describe(RunResults results) {
        int blocks = blocksMeasured(results);
        if (blocks == 0) {
            return "The intervals resample pairs within one run (this file records no blocks: the stack was started"
                    + " once per profile), so they cover the noise inside this run, not how far a re-run can move a"
                    + " cell.";
        }
        if (blocks == 1) {
            return "The intervals resample pairs within 1 block (the stack started once per profile), so they cover"
                    + " the noise inside this run, not how far a re-run can move a cell.";
        }
        return "The intervals resample blocks, then pairs within each drawn block: pairs within " + blocks
                + " blocks, stack restarted between blocks (fresh links and apps, cells re-ordered), so they include"
                + " the variation between restarts that a re-run sees.";
    }

    /**
     * The stopping rule in words (for a fixed number of blocks, that it was fixed), or null for a run without blocks
     * or of one block.
     */
    public static String stoppingRule(RunResults results) {
        BlockDesign d = results.run().config().blocks();
        if (d == null || d.maxBlocks() <= 1) {
            return null;
        }
        if (!d.adaptive()) {
            return String.format(
                    Locale.ROOT,
                    "Sample size was fixed: every timed cell ran %d blocks of %d measured pairs (%d pairs; each block"
                            + " after its own %d warm-up pair(s)); the precision rule (stop once the 95 %% interval of"
                            + " a cell's log ratio is within ±%s) decides only when more blocks are allowed than"
                            + " required (--max-blocks above --min-blocks).%s",
                    d.maxBlocks(),
                    d.pairsPerBlock(),
                    d.maxPairs(),
                    results.run().config().warmupPairs(),
                    Format.num(d.precision(), 3),
                    untimedBlocks(results));
        }
        return String.format(
                Locale.ROOT,
                "Sample size was adaptive: every timed cell ran at least %d blocks of %d measured pairs (each block"
                        + " after its own %d warm-up pair(s)); after that, a cell stopped once the 95 %% interval of its"
                        + " log ratio was within ±%s (ratio ×/÷ %s), and no cell ran more than %d blocks (%d pairs)."
                        + " The A/A cell follows the same rule.%s Each cell's pairs and blocks are in the pairs"
                        + " column.",
                d.minBlocks(),
                d.pairsPerBlock(),
                results.run().config().warmupPairs(),
                Format.num(d.precision(), 3),
                Format.num(Math.exp(d.precision()), 3),
                d.maxBlocks(),
                d.maxPairs(),
                untimedBlocks(results));
    }

    /** " The no-js cells, which measure no time, ran N block(s)." (how many the run gave them), or "" without them. */
    private static String untimedBlocks(RunResults results) {
        long blocks = results.samples().stream()
                .filter(s -> s.flow().equals(Flows.NO_JS) && !s.warmup())
                .mapToInt(Sample::blockIndex)
                .distinct()
                .count();
        return blocks == 0
                ? ""
                : " The no-js cells, which measure no time, ran " + blocks + (blocks == 1 ? " block." : " blocks.");
    }

    /** A cell's pairs for the pairs column: "12" or, with blocks, "12 in 3 blocks". */
    public static String pairs(CellComparison c) {
        return c.blocks() > 1 ? c.pairs() + " in " + c.blocks() + " blocks" : Integer.toString(c.pairs());
    }
}
