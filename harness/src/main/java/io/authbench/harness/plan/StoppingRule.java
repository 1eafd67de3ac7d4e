package io.authbench.harness.plan;

import io.authbench.reports.results.BlockDesign;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Adaptive sample size (docs/statistics.md#blocks): after each block, which cells run another one.
 *
 * <p>Every cell runs {@link BlockDesign#minBlocks()} blocks. After that a cell stops once it is precise: its paired
 * ratios' block-aware 95 % intervals are at most {@link BlockDesign#precision()} wide on each side in log terms, and it
 * has at least {@value #MIN_COMPLETE_PAIRS} complete pairs (fewer give no verdict anyway). A cell without a single
 * complete pair stops too: more pairs of a variant that never shows the content (CSR without JavaScript) or always
 * fails cannot make an interval. No cell runs more than {@link BlockDesign#maxBlocks()}. The rule looks at the
 * interval's width only, never at whether it excludes 1, so it cannot stop a cell because it happened to look
 * significant (which would inflate the false-positive rate the A/A cell measures).
 *
 * <p>A cell of a flow that measures no time (no-js) stops after its first block: it has no interval to make precise,
 * and what it measures (whether the HTML carries the name without JavaScript) is the same in every block.
 */
public final class StoppingRule {
    /** Fewest complete pairs before a cell may stop for precision: the verdict's own minimum. */
    public static final int MIN_COMPLETE_PAIRS = 6;

    private final BlockDesign design;
    private final Predicate<CellKey> untimed;

    /** A rule for cells that all measure a time. */
    public StoppingRule(BlockDesign design) {
        this(design, cell -> false);
    }

    /** @param untimed the cells whose flow measures no time to compare (they stop after one block) */
    public StoppingRule(BlockDesign design, Predicate<CellKey> untimed) {
        this.design = design;
        this.untimed = untimed;
    }

    /**
     * What one cell's comparisons showed so far.
     *
     * @param completePairs the fewest complete pairs among the cell's comparisons
     * @param halfWidth     the largest half-width of their 95 % log-ratio intervals; NaN without a complete pair
     */
    public record Precision(int completePairs, double halfWidth) {
        /** A cell with no complete pair (no interval). */
        public static Precision none() {
            return new Precision(0, Double.NaN);
        }
    }

    /** Why a cell stopped, for the console and the incidents. */
    public enum Reason {
        PRECISE("precise enough"),
        NO_PAIRS("no complete pair to make precise"),
        UNTIMED("its flow measures no time to compare, and one block gives its checks"),
        MAX_BLOCKS("maximum number of blocks reached");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * Decides after {@code blocksDone} blocks.
     *
     * @param open        the cells that ran the last block
     * @param precisionOf each open cell's precision so far (consulted only when a cell may stop)
     * @return per open cell, empty to continue or the reason it stops
     */
    public Map<CellKey, Optional<Reason>> decide(
            int blocksDone, Set<CellKey> open, Function<CellKey, Precision> precisionOf) {
        Map<CellKey, Optional<Reason>> out = new LinkedHashMap<>();
        for (CellKey cell : open) {
            out.put(cell, decide(blocksDone, precisionOf, cell));
        }
        return out;
    }

    private Optional<Reason> decide(int blocksDone, Function<CellKey, Precision> precisionOf, CellKey cell) {
        if (untimed.test(cell) && blocksDone >= 1) {
            return Optional.of(Reason.UNTIMED);
        }
        if (blocksDone < design.minBlocks()) {
            return Optional.empty();
        }
        if (blocksDone >= design.maxBlocks()) {
            return Optional.of(Reason.MAX_BLOCKS);
        }
        Precision p = precisionOf.apply(cell);
        if (p.completePairs() == 0 || Double.isNaN(p.halfWidth())) {
            return Optional.of(Reason.NO_PAIRS);
        }
        if (p.completePairs() >= MIN_COMPLETE_PAIRS && p.halfWidth() <= design.precision()) {
            return Optional.of(Reason.PRECISE);
        }
        return Optional.empty();
    }

    /** The cells of {@code decisions} that continue. */
    public static Set<CellKey> continuing(Map<CellKey, Optional<Reason>> decisions) {
        Set<CellKey> out = new LinkedHashSet<>();
        decisions.forEach((cell, reason) -> {
            if (reason.isEmpty()) {
                out.add(cell);
            }
        });
        return out;
    }
}
