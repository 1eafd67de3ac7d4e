package io.authbench.reports.stats;

import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The baseline comparison of a run that may hold both frameworks: like is compared with like. The Undertow pair
 * (and the A/A cell) goes through {@link BaselineComparison} as in a two-variant run; the Next.js pair is compared
 * with the baseline's Next.js pair through the same rule on {@link FrameworkView the Next.js halves} of both runs, so
 * a baseline that did not measure Next.js gives "not in the baseline run" for those rows, never a comparison with
 * the Undertow apps. Both frameworks' cells form one family each for times and ratios (one Holm correction, one drift estimate). (The
 * bootstrap seed of a Next.js row is that of its pattern label: {@code flow|profile|ssr}.)
 */
public final class FrameworkBaseline {
    private FrameworkBaseline() {}

    public static BaselineComparison.Result of(RunResults current, Comparisons.All now, RunResults baseline) {
        List<BaselineComparison.Side> sides = new ArrayList<>();
        sides.add(new BaselineComparison.Side(now, Comparisons.of(baseline), UnaryOperator.identity()));
        if (Effects.applies(current)) {
            sides.add(new BaselineComparison.Side(
                    Comparisons.of(FrameworkView.of(current, Variants.NEXTJS)),
                    Comparisons.of(FrameworkView.of(baseline, Variants.NEXTJS)),
                    label -> FrameworkView.unrelabel(label, Variants.NEXTJS)));
        }
        return BaselineComparison.of(sides);
    }
}
