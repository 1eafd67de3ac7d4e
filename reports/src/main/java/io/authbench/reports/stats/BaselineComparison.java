package io.authbench.reports.stats;

import io.authbench.reports.results.RunResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Change against an earlier run (for regression tracking), judged so that two runs of the same build come out
 * "no significant change" although the machine's speed and each cell's median move between runs.
 *
 * <p>Two families, each tested with {@link ChangeFamily} (Holm's correction within the family):
 * <ul>
 *   <li><b>Times</b>, per cell variant: the change of its log time to content. Centred: the change common to the
 *       cells that did not change is reported as the run-wide factor (a slower or faster machine, or a change that
 *       touches every cell alike, which one pair of runs cannot tell apart) and each cell is judged relative to
 *       it.</li>
 *   <li><b>Paired ratios</b>, per cell: the change of the log SSR/CSR (or A/A) ratio. Not centred: both variants of
 *       a pair ran on the same machine seconds apart, so the machine's speed cancels in the ratio.</li>
 * </ul>
 * The noise a change is judged against ({@link ChangeFamily.NoiseModel}, shown per row):
 * <ul>
 *   <li><b>Between blocks</b>, when both runs have at least two blocks: each run's level of a cell is the mean of its
 *       block medians, each block's common factor removed for times, with the run's own between-block variance
 *       ({@link BlockLevels}); a cell with fewer than two blocks in either run is not judged.</li>
 *   <li><b>Across cells</b>, otherwise: ln(median now / median then) with an unpaired percentile bootstrap of each
 *       run's ok samples (B = {@value Bootstrap#RESAMPLES}, seed {@code (flow + "|" + profile + "|" +
 *       variant).hashCode()}), or ln(ratio now / ratio then) with the two runs' paired bootstrap intervals, widened by
 *       the drift between runs estimated from the spread of the changes across cells.</li>
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
     * @param noiseModel which noise judged the row ({@link ChangeFamily.NoiseModel#label}); null when not judged
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
            String sentence,
            String noiseModel) {}

    /**
     * One cell's paired ratio (SSR/CSR, or SSR-A/SSR-B for the A/A cell).
     *
     * @param change   ratio now / ratio then; null when not compared
     * @param sentence "ratio up by 12 % [5 %, 20 %]", "ratio down by …", "no significant change", or why not judged
     * @param noiseModel which noise judged the row; null when not judged
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
            String sentence,
            String noiseModel) {}

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

    /**
     * Every side's cells in the same two families: Holm's correction (and, across cells, the drift estimate) span all
     * of them. Between blocks when both runs have at least two blocks ({@link #blocks}), else across cells.
     */
    public static Result of(List<Side> sides) {
        boolean betweenBlocks = !sides.isEmpty()
                && blocks(sides.get(0).now()) >= 2
                && blocks(sides.get(0).before()) >= 2;
        List<Pending<Row>> times = new ArrayList<>();
        List<Pending<RatioRow>> ratios = new ArrayList<>();
        for (Side side : sides) {
            List<CellComparison> cells = cellsOf(side.now());
            Map<String, BlockLevels.Level> timesNow = Map.of();
            Map<String, BlockLevels.Level> timesBefore = Map.of();
            Map<String, BlockLevels.Level> ratiosNow = Map.of();
            Map<String, BlockLevels.Level> ratiosBefore = Map.of();
            if (betweenBlocks) {
                timesNow = BlockLevels.of(timeSeries(side.now()), true);
                timesBefore = BlockLevels.of(timeSeries(side.before()), true);
                ratiosNow = BlockLevels.of(ratioSeries(side.now()), false);
                ratiosBefore = BlockLevels.of(ratioSeries(side.before()), false);
            }
            for (CellComparison cell : cells) {
                var previous = Comparisons.find(
                        cell.aa() ? side.before().aa() : side.before().ssrCsr(), cell.flow(), cell.profile());
                for (boolean first : new boolean[] {true, false}) {
                    VariantStats now = first ? cell.first() : cell.second();
                    VariantStats before =
                            previous.map(c -> first ? c.first() : c.second()).orElse(null);
                    String key = timeKey(cell, now);
                    times.add(time(
                            cell,
                            now,
                            before,
                            side.label(),
                            betweenBlocks ? pairOf(timesNow.get(key), timesBefore.get(key)) : null));
                }
                String key = ratioKey(cell);
                ratios.add(ratio(
                        cell,
                        previous.orElse(null),
                        side.label(),
                        betweenBlocks ? pairOf(ratiosNow.get(key), ratiosBefore.get(key)) : null));
            }
        }
        ChangeFamily.Result timeFamily = judge(times, true, betweenBlocks);
        ChangeFamily.Result ratioFamily = judge(ratios, false, betweenBlocks);
        return new Result(
                timeFamily,
                times.stream().map(p -> p.row).toList(),
                ratioFamily,
                ratios.stream().map(p -> p.row).toList());
    }

    /** The most blocks any cell of a run has samples in: 1 for a run of one block or a file without blocks. */
    static int blocks(Comparisons.All run) {
        return cellsOf(run).stream()
                .flatMap(c -> Stream.of(c.first(), c.second()))
                .mapToInt(v -> BlockLevels.blockCount(v.blocks()))
                .max()
                .orElse(0);
    }

    private static List<CellComparison> cellsOf(Comparisons.All run) {
        List<CellComparison> cells = new ArrayList<>(run.ssrCsr());
        cells.addAll(run.aa());
        return cells;
    }

    private static String timeKey(CellComparison cell, VariantStats variant) {
        return cell.flow() + "|" + cell.profile() + "|" + cell.aa() + "|" + variant.variant();
    }

    private static String ratioKey(CellComparison cell) {
        return cell.flow() + "|" + cell.profile() + "|" + cell.aa();
    }

    /** Every cell variant's log times with their blocks (the run's table for removing each block's common factor). */
    private static Map<String, BlockLevels.Series> timeSeries(Comparisons.All run) {
        Map<String, BlockLevels.Series> series = new LinkedHashMap<>();
        for (CellComparison cell : cellsOf(run)) {
            for (VariantStats v : List.of(cell.first(), cell.second())) {
                if (v.values().length > 0) {
                    series.put(
                            timeKey(cell, v),
                            new BlockLevels.Series(
                                    Arrays.stream(v.values()).map(Math::log).toArray(), v.blocks()));
                }
            }
        }
        return series;
    }

    private static Map<String, BlockLevels.Series> ratioSeries(Comparisons.All run) {
        Map<String, BlockLevels.Series> series = new LinkedHashMap<>();
        for (CellComparison cell : cellsOf(run)) {
            if (cell.pairs() > 0) {
                series.put(ratioKey(cell), new BlockLevels.Series(cell.logRatios(), cell.pairBlocks()));
            }
        }
        return series;
    }

    /** A cell's levels in both runs, judged between blocks; null members when a run lacks the cell. */
    private record Levels(BlockLevels.Level now, BlockLevels.Level before) {
        boolean judgeable() {
            return now != null && before != null && now.hasBlocks() && before.hasBlocks();
        }

        /** ln(level now / level then), with both runs' between-block errors and Welch–Satterthwaite's df. */
        ChangeFamily.Input input() {
            double v = now.variance() + before.variance();
            double df = v
                    * v
                    / (now.variance() * now.variance() / now.df()
                            + before.variance() * before.variance() / before.df());
            return new ChangeFamily.Input(
                    now.mean() - before.mean(), Math.sqrt(v), Double.isNaN(df) ? now.df() + before.df() : df);
        }

        String whyNot() {
            return "not judged: in fewer than 2 blocks of "
                    + (now == null || !now.hasBlocks() ? "this run" : "the baseline run")
                    + ", so its variation between blocks is unknown";
        }
    }

    private static Levels pairOf(BlockLevels.Level now, BlockLevels.Level before) {
        return new Levels(now, before);
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

        /** A row that is not compared or not judged: final already. */
        static <R> Pending<R> done(R row) {
            return new Pending<>(row, null, null, null);
        }
    }

    private static <R> ChangeFamily.Result judge(List<Pending<R>> pending, boolean centred, boolean betweenBlocks) {
        List<Pending<R>> compared =
                pending.stream().filter(p -> p.input != null).toList();
        List<ChangeFamily.Input> inputs = compared.stream().map(p -> p.input).toList();
        ChangeFamily.Result family =
                betweenBlocks ? ChangeFamily.betweenBlocks(inputs, centred) : ChangeFamily.of(inputs, centred);
        for (int i = 0; i < compared.size(); i++) {
            Pending<R> p = compared.get(i);
            p.row = family.judgeable()
                    ? p.finish.apply(family.judged().get(i))
                    : p.notJudged.apply("not judged: only " + compared.size() + " cells could be compared, at least "
                            + ChangeFamily.MIN_CELLS + " are needed to "
                            + (betweenBlocks ? "estimate the run-wide factor" : "estimate the noise between runs"));
        }
        return family;
    }

    private static Pending<Row> time(
            CellComparison cell, VariantStats now, VariantStats before, UnaryOperator<String> label, Levels levels) {
        String flow = cell.flow();
        String profile = cell.profile();
        String variant = label.apply(now.variant());
        if (before == null) {
            return Pending.done(new Row(
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
                    "not in the baseline run",
                    null));
        }
        double[] a = now.values();
        double[] b = before.values();
        Double measured = a.length == 0 || b.length == 0 ? null : now.median() / before.median();
        Function<String, Row> notJudged = why -> new Row(
                flow,
                profile,
                variant,
                before.median(),
                now.median(),
                b.length,
                a.length,
                measured,
                null,
                null,
                null,
                why,
                null);
        if (a.length < MIN_SAMPLES || b.length < MIN_SAMPLES) {
            return Pending.done(new Row(
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
                    "too few ok samples to compare (need " + MIN_SAMPLES + " in each run)",
                    null));
        }
        if (levels != null && !levels.judgeable()) {
            return Pending.done(notJudged.apply(levels.whyNot()));
        }
        ChangeFamily.Input input;
        String model;
        if (levels != null) {
            input = levels.input();
            model = ChangeFamily.NoiseModel.BETWEEN_BLOCKS.label();
        } else {
            Interval log =
                    Bootstrap.logMedianRatioInterval(a, b, (flow + "|" + profile + "|" + now.variant()).hashCode());
            input = new ChangeFamily.Input(Math.log(measured), ChangeFamily.stdErrorOf(log));
            model = ChangeFamily.NoiseModel.ACROSS_CELLS.label();
        }
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
                        measured,
                        j.change(),
                        j.interval(),
                        j.holmP(),
                        sentence(j, "slower", "faster"),
                        model),
                notJudged);
    }

    private static Pending<RatioRow> ratio(
            CellComparison now, CellComparison before, UnaryOperator<String> label, Levels levels) {
        String first = label.apply(now.first().variant());
        String second = label.apply(now.second().variant());
        boolean relabelled = !first.equals(now.first().variant())
                || !second.equals(now.second().variant());
        String name = relabelled ? first + "/" + second : now.firstName() + "/" + now.secondName();
        if (before == null) {
            return Pending.done(new RatioRow(
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
                    "not in the baseline run",
                    null));
        }
        Double measured = now.ratio() == null || before.ratio() == null ? null : now.ratio() / before.ratio();
        Function<String, RatioRow> notJudged = why -> new RatioRow(
                now.flow(),
                now.profile(),
                name,
                before.ratio(),
                now.ratio(),
                before.pairs(),
                now.pairs(),
                measured,
                null,
                null,
                why,
                null);
        if (now.pairs() < MIN_SAMPLES || before.pairs() < MIN_SAMPLES) {
            return Pending.done(new RatioRow(
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
                    "too few complete pairs to compare (need " + MIN_SAMPLES + " in each run)",
                    null));
        }
        if (levels != null && !levels.judgeable()) {
            return Pending.done(notJudged.apply(levels.whyNot()));
        }
        ChangeFamily.Input input;
        String model;
        if (levels != null) {
            input = levels.input();
            model = ChangeFamily.NoiseModel.BETWEEN_BLOCKS.label();
        } else {
            input = new ChangeFamily.Input(Math.log(measured), Math.hypot(stdError(now), stdError(before)));
            model = ChangeFamily.NoiseModel.ACROSS_CELLS.label();
        }
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
                        sentence(j, "ratio up", "ratio down"),
                        model),
                notJudged);
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
