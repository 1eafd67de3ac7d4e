package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.stats.BaselineComparison;
import io.authbench.reports.stats.ChangeFamily;
import io.authbench.reports.stats.Interval;
import io.authbench.reports.stats.ReportModel;
import java.util.Locale;

/**
 * Section 8 (only with --baseline): change against an earlier run, per cell variant (time to content, relative to
 * the run-wide factor) and per cell (paired ratio), judged against the noise between runs, with the noise model that
 * judged each row.
 */
final class BaselineSection {
    private BaselineSection() {}

    static String html(ReportModel model) {
        if (model.baseline().isEmpty()) {
            return "";
        }
        BaselineComparison.Result result = model.baseline().get();
        StringBuilder times = new StringBuilder();
        for (BaselineComparison.Row r : result.rows()) {
            times.append("""
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>\
                    <td>%s</td><td class="verdict b-%s">%s</td></tr>
                    """.formatted(
                            Html.escape(r.flow()),
                            Html.escape(r.profile()),
                            Html.escape(r.variant().toUpperCase()),
                            Format.ms(r.baselineMedianMs()),
                            Format.ms(r.currentMedianMs()),
                            Format.ratio(r.ratio()),
                            withInterval(r.change(), r.interval()),
                            Html.escape(Format.p(r.holmP())),
                            noiseModel(r.noiseModel()),
                            kind(r.sentence()),
                            Html.escape(r.sentence())));
        }
        StringBuilder ratios = new StringBuilder();
        for (BaselineComparison.RatioRow r : result.ratioRows()) {
            ratios.append("""
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>\
                    <td class="verdict b-%s">%s</td></tr>
                    """.formatted(
                            Html.escape(r.flow()),
                            Html.escape(r.profile()),
                            Html.escape(r.pairName()),
                            Format.ratio(r.baselineRatio()),
                            Format.ratio(r.currentRatio()),
                            withInterval(r.change(), r.interval()),
                            Html.escape(Format.p(r.holmP())),
                            noiseModel(r.noiseModel()),
                            kind(r.sentence()),
                            Html.escape(r.sentence())));
        }
        return """
                <section id="baseline">
                <h2>8. Change since the baseline</h2>
                <p>Against <code>%s</code>. Two runs of the same build differ by more than their samples show: the \
                machine can be faster or slower as a whole, and every cell drifts on its own. So each change is judged \
                against that noise between runs, and Holm's correction is applied across the cells of each table. A \
                change is reported only when its Holm-adjusted p is below 0.05. The noise model column says which \
                noise judged a row: <b>between blocks</b> (both runs ran in blocks, the stack restarted between them: \
                each cell's own block-to-block variation in both runs, each block's common factor removed) or \
                <b>across cells</b> (a run of one block: the scatter of the changes across cells).</p>
                <p>%s</p>
                <p>%s</p>
                <h3>Paired ratio per cell</h3>
                <p>Both variants of a pair ran on the same machine seconds apart, so a slower or faster machine \
                largely cancels in their ratio (not entirely: a slower CPU can slow the server's rendering and the \
                browser's by different amounts). Change = ratio now / ratio then.</p>
                <div class="wide"><table class="numbers"><thead><tr><th>flow</th><th>profile</th><th>ratio</th>\
                <th>baseline</th><th>this run</th><th>change [95 %% CI]</th><th>Holm p</th><th>noise model</th>\
                <th>verdict</th></tr></thead><tbody>
                %s</tbody></table></div>
                <h3>Time to content per cell variant</h3>
                <p>Measured = median now / median then. Relative = measured / run-wide factor: a cell that changed more \
                than the run as a whole.</p>
                <div class="wide"><table class="numbers"><thead><tr><th>flow</th><th>profile</th><th>variant</th>\
                <th>baseline median</th><th>this run median</th><th>measured</th><th>relative [95 %% CI]</th>\
                <th>Holm p</th><th>noise model</th><th>change</th></tr></thead><tbody>
                %s</tbody></table></div>
                </section>
                """.formatted(
                        Html.escape(model.baselineName().orElse("")),
                        timesSummary(result.times()),
                        ratiosSummary(result.ratios()),
                        ratios,
                        times);
    }

    private static String timesSummary(ChangeFamily.Result f) {
        boolean blocks = f.model() == ChangeFamily.NoiseModel.BETWEEN_BLOCKS;
        if (!f.judgeable()) {
            return "Times: only " + f.cells() + " cell variants could be compared; at least " + ChangeFamily.MIN_CELLS
                    + " are needed to estimate " + (blocks ? "the run-wide factor" : "the noise between runs")
                    + ", so none is judged.";
        }
        if (blocks) {
            return String.format(
                    Locale.ROOT,
                    "Times: run-wide factor <b>%.3f</b> (the mean change of those of %d cell variants that did not"
                            + " change: a slower or faster machine, or a change that touches every cell alike; one"
                            + " pair of runs cannot tell these apart). Each cell is judged against its own variation"
                            + " between the blocks of both runs, after removing each block's factor common to all"
                            + " cells (the machine's state during that block); its interval covers that variation"
                            + " and the uncertainty of the run-wide factor.",
                    f.common(),
                    f.cells());
        }
        return String.format(
                Locale.ROOT,
                "Times: run-wide factor <b>%.3f</b> (the typical change of %d cell variants:"
                        + " a slower or faster machine, or a change that touches every cell alike; one pair of runs cannot"
                        + " tell these apart; the cells that changed far more than the rest are left out of it). Around it"
                        + " a cell's change scatters by ±%s %% (standard deviation),"
                        + " of which ±%s %% is drift between runs that the samples do not explain. Each cell's interval"
                        + " covers its sampling error in both runs, that drift, and the uncertainty of the factor.",
                f.common(),
                f.cells(),
                pct(f.spread()),
                pct(f.drift()));
    }

    private static String ratiosSummary(ChangeFamily.Result f) {
        if (f.model() == ChangeFamily.NoiseModel.BETWEEN_BLOCKS) {
            return "Ratios: " + f.cells() + " cells, each judged against its own paired ratio's variation between the"
                    + " blocks of both runs.";
        }
        if (!f.judgeable()) {
            return "Ratios: only " + f.cells() + " cells could be compared; at least " + ChangeFamily.MIN_CELLS
                    + " are needed to estimate the noise between runs, so none is judged.";
        }
        return String.format(
                Locale.ROOT,
                "Ratios: across %d cells the change of the paired ratio scatters by ±%s %%,"
                        + " of which ±%s %% is drift between runs that the pairs do not explain; each interval covers"
                        + " both runs' sampling error and that drift.",
                f.cells(),
                pct(f.spread()),
                pct(f.drift()));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f", fraction * 100);
    }

    private static String noiseModel(String model) {
        return model == null ? "—" : Html.escape(model);
    }

    private static String withInterval(Double change, Interval interval) {
        if (change == null) {
            return "—";
        }
        return interval == null
                ? Format.ratio(change)
                : Format.ratio(change) + " [" + Format.ratio(interval.low()) + ", " + Format.ratio(interval.high())
                        + "]";
    }

    private static String kind(String sentence) {
        return sentence.startsWith("slower")
                ? "slower"
                : sentence.startsWith("faster")
                        ? "faster"
                        : sentence.startsWith("ratio up") ? "up" : sentence.startsWith("ratio down") ? "down" : "same";
    }
}
