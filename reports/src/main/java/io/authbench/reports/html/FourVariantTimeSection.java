package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.Effects;
import io.authbench.reports.stats.ReportModel;
import io.authbench.reports.stats.VariantStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Section 2 of a four-variant run: time to content of the four variants per cell (median, p90, failures, "not
 * measured" where a variant has no sample), the pattern ratios of both frameworks in one forest plot with the A/A
 * noise floor, and one ECDF per cell with a line per variant. The paired comparisons are in section 2b.
 */
final class FourVariantTimeSection {
    /** The four variants in column order. */
    static final List<String> VARIANTS = List.of(Variants.SSR, Variants.CSR, Variants.NEXT_SSR, Variants.NEXT_CSR);

    private FourVariantTimeSection() {}

    static String html(ReportModel model) {
        Effects effects = model.fourVariants().orElseThrow().effects();
        Set<String> observed = TimeToContentSection.observerCells(model);
        StringBuilder rows = new StringBuilder();
        StringBuilder ecdfs = new StringBuilder();
        for (Effects.Cell cell : effects.cells()) {
            List<VariantStats> stats = new ArrayList<>();
            StringBuilder row = new StringBuilder("<tr><td>")
                    .append(Html.escape(cell.flow()))
                    .append("</td><td>")
                    .append(Html.escape(cell.profile()))
                    .append("</td>");
            List<String> failures = new ArrayList<>();
            for (String variant : VARIANTS) {
                List<Sample> samples = model.results().samples().stream()
                        .filter(s -> !s.warmup()
                                && s.flow().equals(cell.flow())
                                && s.profile().equals(cell.profile())
                                && s.variant().equals(variant))
                        .toList();
                if (samples.isEmpty()) {
                    row.append("<td class=\"empty\">not measured</td>");
                    failures.add("—");
                    continue;
                }
                VariantStats v = VariantStats.of(variant, samples);
                stats.add(v);
                row.append("<td>")
                        .append(median(v))
                        .append(
                                observed.contains(cell.flow() + "|" + cell.profile() + "|" + variant)
                                        ? TimeToContentSection.OBSERVER_MARK
                                        : "")
                        .append("</td>");
                failures.add(Integer.toString(v.failures()));
            }
            rows.append(row).append("<td>").append(String.join(" / ", failures)).append("</td></tr>\n");
            String title = cell.flow() + " · " + cell.profile();
            ecdfs.append("<figure class=\"small\"><figcaption class=\"above\">")
                    .append(Html.escape(title))
                    .append("</figcaption>")
                    .append(EcdfChart.svg(title, stats))
                    .append("</figure>\n");
        }
        List<CellComparison> charted = new ArrayList<>(effects.pattern());
        charted.addAll(model.comparisons().aa());
        RatioChart.Style style = new RatioChart.Style(
                "SSR/CSR ratio of time to content per cell and framework, with 95 % intervals",
                "One row per flow, profile and framework (A/A cells: the noise floor); left of the line at 1 SSR reached"
                        + " content sooner than CSR of the same framework in the typical pair, right of it CSR did.",
                "SSR / CSR ratio of time to content (log scale; < 1: SSR faster, > 1: CSR faster)",
                Palette.SSR,
                Palette.CSR,
                c -> c.flow() + " · " + c.profile()
                        + (c.aa()
                                ? " (A/A)"
                                : " · "
                                        + Effects.frameworkName(
                                                Variants.framework(c.first().variant()))));
        return """
                <section id="time-to-content">
                <h2>2. Time to content</h2>
                <p>Time from the user action to the paint of the content element, per flow and network profile, for \
                the four variants of this run: SSR and CSR built on Undertow (the bundled apps) and SSR and CSR built on \
                Next.js. Medians and 90th percentiles are over ok samples; "not measured" means the run has no sample \
                of that variant in the cell (a flow that framework's apps skipped). The paired ratios, their 95 %% \
                intervals, p-values and verdicts for the pattern effect and the framework effect are in section 2b.</p>
                %s<div class="wide"><table class="numbers">
                <thead><tr><th>flow</th><th>profile</th><th>Undertow SSR median (p90)</th><th>Undertow CSR median (p90)</th>\
                <th>Next.js SSR median (p90)</th><th>Next.js CSR median (p90)</th>\
                <th>failures (Undertow SSR / CSR / Next.js SSR / CSR)</th></tr></thead>
                <tbody>
                %s</tbody></table></div>
                <figure>%s<figcaption>SSR/CSR ratio of time to content per cell and framework with 95 %% bootstrap \
                intervals (A/A cells in green show the noise floor). Filled marker: significant difference; hollow: \
                none.</figcaption></figure>
                <h3>Distributions per cell</h3>
                <div class="grid">
                %s</div>
                </section>
                """.formatted(
                        observed.isEmpty() ? "" : TimeToContentSection.OBSERVER_NOTE,
                        rows,
                        RatioChart.svg(charted, style),
                        ecdfs);
    }

    private static String median(VariantStats v) {
        if (v.values().length == 0) {
            return "no content";
        }
        return Format.ms(v.median()) + " (" + Format.ms(v.p90()) + ")";
    }
}
