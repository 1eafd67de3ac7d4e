package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.Sample;
import io.authbench.reports.stats.Bootstrap;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.IntervalCoverage;
import io.authbench.reports.stats.ReportModel;
import io.authbench.reports.stats.SignedRankTest;
import io.authbench.reports.stats.VariantStats;
import io.authbench.reports.stats.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Section 2: time to content per flow × profile with the paired statistics, the ratio chart and ECDFs. */
final class TimeToContentSection {
    private TimeToContentSection() {}

    static String html(ReportModel model) {
        if (model.fourVariants().isPresent()) {
            return FourVariantTimeSection.html(model);
        }
        List<CellComparison> cells = model.comparisons().ssrCsr();
        if (cells.isEmpty()) {
            return """
                    <section id="time-to-content"><h2>2. Time to content</h2>
                    <p class="empty">No cell has samples of both SSR and CSR yet, so there is nothing to compare.</p></section>
                    """;
        }
        Set<String> observed = observerCells(model);
        StringBuilder rows = new StringBuilder();
        for (CellComparison c : cells) {
            rows.append(row(c, observed));
        }
        List<CellComparison> charted = new ArrayList<>(cells);
        charted.addAll(model.comparisons().aa());
        StringBuilder ecdfs = new StringBuilder();
        for (CellComparison c : cells) {
            ecdfs.append("<figure class=\"small\"><figcaption class=\"above\">")
                    .append(Html.escape(c.flow() + " · " + c.profile()))
                    .append("</figcaption>")
                    .append(EcdfChart.svg(c.flow() + " · " + c.profile(), List.of(c.first(), c.second())))
                    .append("</figure>\n");
        }
        return """
                <section id="time-to-content">
                <h2>2. Time to content</h2>
                <p>Time from the user action to the paint of the content element, per flow and network profile. \
                Medians and 90th percentiles are over ok samples. The <b>ratio</b> is SSR/CSR of the typical pair: \
                exp(median of ln(SSR/CSR) over complete pairs); below 1 SSR was faster. Its 95 %% interval is a \
                percentile bootstrap (paired resampling of the per-pair log ratios, B = %d, fixed seed per cell). \
                %s \
                <b>p</b> is the two-sided Wilcoxon signed-rank test of the log ratios (exact for n &lt; 50 without \
                ties, else normal approximation with tie and continuity correction)%s, <b>p (Holm)</b> the same after \
                Holm's correction across the %d cells. Verdict: significant after Holm (p &lt; %s) <i>and</i> an \
                interval that excludes 1; otherwise "no significant difference"; fewer than %d complete pairs give \
                no verdict.</p>
                %s%s<div class="wide"><table class="numbers">
                <thead><tr><th>flow</th><th>profile</th><th>SSR median (p90)</th><th>CSR median (p90)</th>\
                <th>failures SSR / CSR</th><th>pairs</th><th>ratio SSR/CSR [95 %% CI]</th><th>p</th><th>p (Holm)</th><th>verdict</th></tr></thead>
                <tbody>
                %s</tbody></table></div>
                <figure>%s<figcaption>Ratio of time to content per cell with 95 %% bootstrap intervals (A/A cells in \
                green show the noise floor). Filled marker: significant difference; hollow: none.</figcaption></figure>
                <h3>Distributions per cell</h3>
                <div class="grid">
                %s</div>
                </section>
                """.formatted(
                        Bootstrap.RESAMPLES,
                        Html.escape(IntervalCoverage.describe(model.results())),
                        IntervalCoverage.blocksMeasured(model.results()) > 1
                                ? "; with more than one block, the larger of that and the block-aware bootstrap's"
                                        + " p-value (the signed-rank test counts every pair as independent)"
                                : "",
                        cells.size(),
                        Format.num(Verdict.ALPHA, 2),
                        Verdict.MIN_PAIRS,
                        stoppingRule(model),
                        observed.isEmpty() ? "" : OBSERVER_NOTE,
                        rows,
                        RatioChart.svg(charted),
                        ecdfs);
    }

    private static String stoppingRule(ReportModel model) {
        String rule = IntervalCoverage.stoppingRule(model.results());
        return rule == null ? "" : "<p class=\"note\">" + Html.escape(rule) + "</p>\n";
    }

    /** Marks a median measured (at least partly) with the observer fallback instead of Element Timing. */
    static final String OBSERVER_MARK = " <span class=\"method\" title=\"observer-based fallback\">(observer)</span>";

    static final String OBSERVER_NOTE = """
            <p class="note">Medians marked <i>(observer)</i> come from pages whose content element has no \
            <code>elementtiming</code> attribute: their time to content is the observer-based fallback (the first \
            frame after a MutationObserver saw the expected content), a slightly later point than Element Timing's \
            paint time; compare such cells with care (docs/running-at-scale.md).</p>
            """;

    /** flow|profile|variant of every cell with an ok sample measured by the observer fallback. */
    static Set<String> observerCells(ReportModel model) {
        Set<String> cells = new HashSet<>();
        for (Sample s : model.results().samples()) {
            if (s.ok() && !s.warmup() && Sample.OBSERVER.equals(s.timeToContentMethod())) {
                cells.add(s.flow() + "|" + s.profile() + "|" + s.variant());
            }
        }
        return cells;
    }

    static String row(CellComparison c) {
        return row(c, Set.of());
    }

    static String row(CellComparison c, Set<String> observed) {
        String interval = c.ratio() == null
                ? "—"
                : Format.ratio(c.ratio()) + " [" + Format.ratio(c.interval().low()) + ", "
                        + Format.ratio(c.interval().high()) + "]";
        String p = c.pairs() == 0
                ? "—"
                : Format.p(c.pValue())
                        + (c.pValue() > c.test().pValue()
                                ? " block bootstrap"
                                : c.test().method() == SignedRankTest.Method.EXACT ? " exact" : " normal");
        return """
                <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d / %d</td><td>%s</td>\
                <td>%s</td><td>%s</td><td>%s</td><td class="verdict k-%s">%s</td></tr>
                """.formatted(
                        Html.escape(c.flow()),
                        Html.escape(c.profile()),
                        median(c.first()) + mark(c, c.first(), observed),
                        median(c.second()) + mark(c, c.second(), observed),
                        c.first().failures(),
                        c.second().failures(),
                        IntervalCoverage.pairs(c)
                                + (c.incompletePairs() > 0 ? " (+" + c.incompletePairs() + " incomplete)" : ""),
                        interval,
                        Html.escape(p),
                        Html.escape(Format.p(c.holmP())),
                        c.verdict().kind().name().toLowerCase().replace('_', '-'),
                        Html.escape(c.verdict().sentence()));
    }

    private static String mark(CellComparison c, VariantStats v, Set<String> observed) {
        return observed.contains(c.flow() + "|" + c.profile() + "|" + v.variant()) ? OBSERVER_MARK : "";
    }

    private static String median(VariantStats v) {
        if (v.values().length == 0 && v.samples() > 0) {
            return "no content";
        }
        return Format.ms(v.median()) + " (" + Format.ms(v.p90()) + ")";
    }
}
