package io.authbench.reports.stats;

import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Change against an earlier run (for regression tracking), judged so that two runs of the same build come out
 * "no significant change" although the machine's speed and each cell's median move between runs.
 *
 * <p>Two families, each tested with {@link ChangeFamily} (Holm's correction within the family, intervals widened by
 * the between-run drift estimated from the spread of the changes across cells):
 * <ul>
 *   <li><b>Times</b>, per cell variant: ln(median now / median then), sampling error from an unpaired percentile
 *       bootstrap of each run's ok samples (B = {@value Bootstrap#RESAMPLES}, seed
 *       {@code (flow + "|" + profile + "|" + variant).hashCode()}). Centred: the median change over all cell variants
 *       is reported as the run-wide factor (a slower or faster machine, or a change that touches every cell alike,
 *       which one pair of runs cannot tell apart) and each cell is judged relative to it.</li>
 *   <li><b>Paired ratios</b>, per cell: ln(ratio now / ratio then) of the SSR/CSR (or A/A) ratio, sampling error
 *       from the two runs' paired bootstrap intervals. Not centred: both variants of a pair ran on the same machine
 *       seconds apart, so the machine's speed cancels in the ratio.</li>
 * </ul>
 * Cells need at least {@value #MIN_SAMPLES} ok samples (times) or complete pairs (ratios) in both runs.
 */
public final class BaselineComparison {
    static final int MIN_SAMPLES = 3;
    static final String NO_CHANGE = "no significant change";

    private BaselineComparison() {}

    /**
     * One cell variant's time to content.
     *
     * @param ratio    median now / median then, as measured
     * @param change   the same relative to the run-wide factor; null when not compared
     * @param interval widened 95 % interval of {@code change}; null when not judged
     * @param holmP    Holm-adjusted p-value; null when not judged
     * @param sentence "slower by 12 % [5 %, 20 %]", "faster by …", "no significant change", or why not judged
     */
    public record Row(
            String flow,
            String profile,
            String variant,
            Double baselineMedianMs,
            Double currentMedianMs,
            int baselineSamples,
            int currentSamples,
            Double ratio,
            Double change,
            Interval interval,
            Double holmP,
            String sentence) {}

    /**
     * One cell's paired ratio (SSR/CSR, or SSR-A/SSR-B for the A/A cell).
     *
     * @param change   ratio now / ratio then; null when not compared
     * @param sentence "ratio up by 12 % [5 %, 20 %]", "ratio down by …", "no significant change", or why not judged
     */
    public record RatioRow(
            String flow,
            String profile,
            String pairName,
            Double baselineRatio,
            Double currentRatio,
            int baselinePairs,
            int currentPairs,
            Double change,
            Interval interval,
            Double holmP,
            String sentence) {}

    /**
     * @param times      the time family's estimates (run-wide factor, spread, between-run drift)
     * @param rows       per cell variant
     * @param ratios     the ratio family's estimates
     * @param ratioRows  per cell
     */
    public record Result(
            ChangeFamily.Result times, List<Row> rows, ChangeFamily.Result ratios, List<RatioRow> ratioRows) {
        public long count(String sentencePrefix) {
            return rows.stream()
                            .filter(r -> r.sentence().startsWith(sentencePrefix))
                            .count()
                    + ratioRows.stream()
                            .filter(r -> r.sentence().startsWith(sentencePrefix))
                            .count();
        }
    }

    public static Result of(RunResults current, RunResults baseline) {
        return of(Comparisons.of(current), baseline);
    }

    /** As {@link #of(RunResults, RunResults)}, reusing the current run's comparisons. */
    public static Result of(Comparisons.All now, RunResults baseline) {
        return of(List.of(new Side(now, Comparisons.of(baseline), UnaryOperator.identity())));
    }

    /**
     * The cells of one framework in both runs, compared like with like ({@link FrameworkBaseline}).
     *
     * @param label the variant label to show for a label of these comparisons (the Next.js half of a run is analysed
     *              with its labels relabelled {@code ssr}/{@code csr}; this maps them back)
     */
    public record Side(Comparisons.All now, Comparisons.All before, UnaryOperator<String> label) {}

    /** Every side's cells in the same two families: Holm's correction and the drift estimate span all of them. */
    public static Result of(List<Side> sides) {
        List<Pending<Row>> times = new ArrayList<>();
        List<Pending<RatioRow>> ratios = new ArrayList<>();
        for (Side side : sides) {
            List<CellComparison> cells = new ArrayList<>(side.now().ssrCsr());
            cells.addAll(side.now().aa());
            for (CellComparison cell : cells) {
                var previous = Comparisons.find(
                        cell.aa() ? side.before().aa() : side.before().ssrCsr(), cell.flow(), cell.profile());
                times.add(time(
                        cell, cell.first(), previous.map(CellComparison::first).orElse(null), side.label()));
                times.add(time(
                        cell,
                        cell.second(),
                        previous.map(CellComparison::second).orElse(null),
                        side.label()));
                ratios.add(ratio(cell, previous.orElse(null), side.label()));
            }
        }
        ChangeFamily.Result timeFamily = judge(times, true);
        ChangeFamily.Result ratioFamily = judge(ratios, false);
        return new Result(
                timeFamily,
                times.stream().map(p -> p.row).toList(),
                ratioFamily,
                ratios.stream().map(p -> p.row).toList());
    }

    /** A row before the family is judged: its input (null if not compared) and how to finish it. */
    private static final class Pending<R> {
        R row;
        final ChangeFamily.Input input;
        final Function<ChangeFamily.Judged, R> finish;
        final Function<String, R> notJudged;

        Pending(
                R row,
                ChangeFamily.Input input,
                Function<ChangeFamily.Judged, R> finish,
                Function<String, R> notJudged) {
            this.row = row;
            this.input = input;
            this.finish = finish;
            this.notJudged = notJudged;
        }
    }

    private static <R> ChangeFamily.Result judge(List<Pending<R>> pending, boolean centred) {
        List<Pending<R>> compared =
                pending.stream().filter(p -> p.input != null).toList();
        ChangeFamily.Result family =
                ChangeFamily.of(compared.stream().map(p -> p.input).toList(), centred);
        for (int i = 0; i < compared.size(); i++) {
            Pending<R> p = compared.get(i);
            p.row = family.judgeable()
                    ? p.finish.apply(family.judged().get(i))
                    : p.notJudged.apply("not judged: only " + compared.size() + " cells could be compared, at least "
                            + ChangeFamily.MIN_CELLS + " are needed to estimate the noise between runs");
        }
        return family;
    }

    private static Pending<Row> time(
            CellComparison cell, VariantStats now, VariantStats before, UnaryOperator<String> label) {
        String flow = cell.flow();
        String profile = cell.profile();
        String variant = label.apply(now.variant());
        if (before == null) {
            return new Pending<>(
                    new Row(
                            flow,
                            profile,
                            variant,
                            null,
                            now.median(),
                            0,
                            now.values().length,
                            null,
                            null,
                            null,
                            null,
                            "not in the baseline run"),
                    null,
                    null,
                    null);
        }
        double[] a = now.values();
        double[] b = before.values();
        if (a.length < MIN_SAMPLES || b.length < MIN_SAMPLES) {
            return new Pending<>(
                    new Row(
                            flow,
                            profile,
                            variant,
                            before.median(),
                            now.median(),
                            b.length,
                            a.length,
                            null,
                            null,
                            null,
                            null,
                            "too few ok samples to compare (need " + MIN_SAMPLES + " in each run)"),
                    null,
                    null,
                    null);
        }
        double ratio = Quantiles.median(a) / Quantiles.median(b);
        Interval log = Bootstrap.logMedianRatioInterval(a, b, (flow + "|" + profile + "|" + now.variant()).hashCode());
        ChangeFamily.Input input = new ChangeFamily.Input(Math.log(ratio), ChangeFamily.stdErrorOf(log));
        return new Pending<>(
                null,
                input,
                j -> new Row(
                        flow,
                        profile,
                        variant,
                        before.median(),
                        now.median(),
                        b.length,
                        a.length,
                        ratio,
                        j.change(),
                        j.interval(),
                        j.holmP(),
                        sentence(j, "slower", "faster")),
                why -> new Row(
                        flow,
                        profile,
                        variant,
                        before.median(),
                        now.median(),
                        b.length,
                        a.length,
                        ratio,
                        null,
                        null,
                        null,
                        why));
    }

    private static Pending<RatioRow> ratio(CellComparison now, CellComparison before, UnaryOperator<String> label) {
        String first = label.apply(now.first().variant());
        String second = label.apply(now.second().variant());
        boolean relabelled = !first.equals(now.first().variant())
                || !second.equals(now.second().variant());
        String name = relabelled ? first + "/" + second : now.firstName() + "/" + now.secondName();
        if (before == null) {
            return new Pending<>(
                    new RatioRow(
                            now.flow(),
                            now.profile(),
                            name,
                            null,
                            now.ratio(),
                            0,
                            now.pairs(),
                            null,
                            null,
                            null,
                            "not in the baseline run"),
                    null,
                    null,
                    null);
        }
        if (now.pairs() < MIN_SAMPLES || before.pairs() < MIN_SAMPLES) {
            return new Pending<>(
                    new RatioRow(
                            now.flow(),
                            now.profile(),
                            name,
                            before.ratio(),
                            now.ratio(),
                            before.pairs(),
                            now.pairs(),
                            null,
                            null,
                            null,
                            "too few complete pairs to compare (need " + MIN_SAMPLES + " in each run)"),
                    null,
                    null,
                    null);
        }
        double se = Math.hypot(stdError(now), stdError(before));
        ChangeFamily.Input input = new ChangeFamily.Input(Math.log(now.ratio() / before.ratio()), se);
        return new Pending<>(
                null,
                input,
                j -> new RatioRow(
                        now.flow(),
                        now.profile(),
                        name,
                        before.ratio(),
                        now.ratio(),
                        before.pairs(),
                        now.pairs(),
                        j.change(),
                        j.interval(),
                        j.holmP(),
                        sentence(j, "ratio up", "ratio down")),
                why -> new RatioRow(
                        now.flow(),
                        now.profile(),
                        name,
                        before.ratio(),
                        now.ratio(),
                        before.pairs(),
                        now.pairs(),
                        now.ratio() / before.ratio(),
                        null,
                        null,
                        why));
    }

    /** Standard error of a cell's log ratio, from its (exponentiated) paired bootstrap interval. */
    private static double stdError(CellComparison cell) {
        return ChangeFamily.stdErrorOf(new Interval(
                Math.log(cell.interval().low()), Math.log(cell.interval().high())));
    }

    private static String sentence(ChangeFamily.Judged j, String up, String down) {
        if (!j.changed()) {
            return NO_CHANGE;
        }
        Interval i = j.interval();
        if (j.change() > 1) {
            return up + " by " + pct(j.change() - 1) + " % [" + pct(i.low() - 1) + " %, " + pct(i.high() - 1) + " %]";
        }
        return down + " by " + pct(1 - j.change()) + " % [" + pct(1 - i.high()) + " %, " + pct(1 - i.low()) + " %]";
    }

    private static String pct(double fraction) {
        return Verdict.pct(fraction);
    }
}
