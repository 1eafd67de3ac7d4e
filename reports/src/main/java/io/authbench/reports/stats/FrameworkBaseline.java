package io.authbench.reports.stats;

import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline comparison of a run that may hold both frameworks: like is compared with like. The Undertow pair
 * (and the A/A cell) goes through {@link BaselineComparison} as in a two-variant run; the Next.js pair is compared
 * with the baseline's Next.js pair through the same rule on {@link FrameworkView the Next.js halves} of both runs, so
 * a baseline that did not measure Next.js gives "not in the baseline run" for those rows, never a comparison with
 * the Undertow apps. (The bootstrap seed of a Next.js row is that of its pattern label: {@code flow|profile|ssr}.)
 */
public final class FrameworkBaseline {
    private FrameworkBaseline() {
    }

    public static List<BaselineComparison.Row> of(RunResults current, Comparisons.All now, RunResults baseline) {
        List<BaselineComparison.Row> rows = new ArrayList<>(BaselineComparison.of(now, baseline));
        if (!Effects.applies(current)) {
            return rows;
        }
        for (BaselineComparison.Row r : BaselineComparison.of(FrameworkView.of(current, Variants.NEXTJS),
                FrameworkView.of(baseline, Variants.NEXTJS))) {
            rows.add(new BaselineComparison.Row(r.flow(), r.profile(), FrameworkView.unrelabel(r.variant(), Variants.NEXTJS),
                    r.baselineMedianMs(), r.currentMedianMs(), r.baselineSamples(), r.currentSamples(), r.ratio(),
                    r.interval(), r.sentence()));
        }
        return rows;
    }
}
