package io.authbench.reports.stats;

import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-cell change of the median time to content against an earlier run (for regression tracking in CI).
 *
 * <p>The two runs are independent, so the interval resamples each run's ok samples separately (unpaired
 * percentile bootstrap of log(median now / median before), B = {@value Bootstrap#RESAMPLES}, seed
 * {@code (flow + "|" + profile + "|" + variant).hashCode()}). A change is reported when the 95 % interval
 * excludes 1; otherwise "no significant change". Cells need at least {@value #MIN_SAMPLES} ok samples in both runs.
 */
public final class BaselineComparison {
    static final int MIN_SAMPLES = 3;

    private BaselineComparison() {
    }

    /**
     * @param ratio    median now / median before
     * @param interval 95 % interval of the ratio; null with too few samples
     * @param sentence "slower by 12 % [5 %, 20 %]", "faster by …", "no significant change", or why not compared
     */
    public record Row(String flow, String profile, String variant, Double baselineMedianMs, Double currentMedianMs,
                      int baselineSamples, int currentSamples, Double ratio, Interval interval, String sentence) {
    }

    public static List<Row> of(RunResults current, RunResults baseline) {
        return of(Comparisons.of(current), baseline);
    }

    /** As {@link #of(RunResults, RunResults)}, reusing the current run's comparisons. */
    public static List<Row> of(Comparisons.All now, RunResults baseline) {
        Comparisons.All before = Comparisons.of(baseline);
        List<Row> rows = new ArrayList<>();
        List<CellComparison> cells = new ArrayList<>(now.ssrCsr());
        cells.addAll(now.aa());
        for (CellComparison cell : cells) {
            List<CellComparison> old = cell.aa() ? before.aa() : before.ssrCsr();
            Comparisons.find(old, cell.flow(), cell.profile()).ifPresentOrElse(
                    previous -> {
                        rows.add(row(cell.flow(), cell.profile(), cell.first(), previous.first()));
                        rows.add(row(cell.flow(), cell.profile(), cell.second(), previous.second()));
                    },
                    () -> {
                        rows.add(missing(cell.flow(), cell.profile(), cell.first()));
                        rows.add(missing(cell.flow(), cell.profile(), cell.second()));
                    });
        }
        return rows;
    }

    private static Row missing(String flow, String profile, VariantStats now) {
        return new Row(flow, profile, now.variant(), null, now.median(), 0, now.values().length, null, null,
                "not in the baseline run");
    }

    private static Row row(String flow, String profile, VariantStats now, VariantStats before) {
        double[] a = now.values();
        double[] b = before.values();
        if (a.length < MIN_SAMPLES || b.length < MIN_SAMPLES) {
            return new Row(flow, profile, now.variant(), before.median(), now.median(), b.length, a.length, null, null,
                    "too few ok samples to compare (need " + MIN_SAMPLES + " in each run)");
        }
        double ratio = Quantiles.median(a) / Quantiles.median(b);
        Interval log = Bootstrap.logMedianRatioInterval(a, b, (flow + "|" + profile + "|" + now.variant()).hashCode());
        Interval interval = new Interval(Math.exp(log.low()), Math.exp(log.high()));
        String sentence;
        if (interval.low() > 1) {
            sentence = "slower by " + pct(ratio - 1) + " % [" + pct(interval.low() - 1) + " %, " + pct(interval.high() - 1) + " %]";
        } else if (interval.high() < 1) {
            sentence = "faster by " + pct(1 - ratio) + " % [" + pct(1 - interval.high()) + " %, " + pct(1 - interval.low()) + " %]";
        } else {
            sentence = "no significant change";
        }
        return new Row(flow, profile, now.variant(), before.median(), now.median(), b.length, a.length, ratio, interval,
                sentence);
    }

    private static String pct(double fraction) {
        return Verdict.pct(fraction);
    }
}
