package io.authbench.harness.run;

import io.authbench.harness.flow.Flow;
import io.authbench.harness.plan.CellKey;
import io.authbench.harness.plan.StoppingRule;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.Comparisons;
import io.authbench.reports.stats.Effects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How precise each cell's paired ratios are after a block: the same comparisons, block-aware intervals included, that
 * the report will compute from results.json ({@link Comparisons}, and with the Next.js pair {@link Effects}), so the
 * stopping rule judges exactly the intervals the reader sees.
 */
final class CellPrecision {
    private final Comparisons.All comparisons;
    private final Effects effects;

    private CellPrecision(RunResults results) {
        this.comparisons = Comparisons.of(results);
        this.effects = Effects.applies(results) ? Effects.of(results) : null;
    }

    /** The comparisons of the samples so far. */
    static CellPrecision of(RunResults results) {
        return new CellPrecision(results);
    }

    /**
     * A cell's precision: every comparison it takes part in must be precise (SSR/CSR; with the Next.js pair also
     * next-ssr/next-csr and both framework effects, which pair the same pair numbers).
     */
    StoppingRule.Precision of(CellKey cell) {
        String flow = Flow.valueOf(cell.flow()).code();
        List<CellComparison> found = new ArrayList<>();
        if (cell.aa()) {
            Comparisons.find(comparisons.aa(), flow, cell.profile()).ifPresent(found::add);
        } else {
            Comparisons.find(comparisons.ssrCsr(), flow, cell.profile()).ifPresent(found::add);
            if (effects != null) {
                add(found, effects.pattern(Variants.NEXTJS, flow, cell.profile()));
                add(found, effects.framework(Variants.SSR, flow, cell.profile()));
                add(found, effects.framework(Variants.CSR, flow, cell.profile()));
            }
        }
        if (found.isEmpty() || found.stream().anyMatch(c -> c.pairs() == 0 || c.interval() == null)) {
            return StoppingRule.Precision.none();
        }
        int pairs = found.stream().mapToInt(CellComparison::pairs).min().orElse(0);
        double halfWidth = found.stream()
                .mapToDouble(c ->
                        (Math.log(c.interval().high()) - Math.log(c.interval().low())) / 2)
                .max()
                .orElse(Double.NaN);
        return new StoppingRule.Precision(pairs, halfWidth);
    }

    private static void add(List<CellComparison> found, Optional<CellComparison> comparison) {
        comparison.ifPresent(found::add);
    }
}
