package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.Bootstrap;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.Effects;
import io.authbench.reports.stats.IntervalCoverage;
import io.authbench.reports.stats.ReportModel;
import io.authbench.reports.stats.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Section 2b (four-variant runs only): the two questions answered separately, each per cell with paired ratios,
 * 95 % intervals, Wilcoxon and Holm p-values and a verdict: the pattern effect (SSR against CSR within each
 * framework) and the framework effect (Next.js against Undertow for each pattern).
 */
final class EffectsSection {
    private EffectsSection() {}

    static String html(ReportModel model) {
        if (model.fourVariants().isEmpty()) {
            return "";
        }
        Effects effects = model.fourVariants().get().effects();
        Set<String> observed = TimeToContentSection.observerCells(model);
        StringBuilder pattern = new StringBuilder();
        for (String framework : Effects.FRAMEWORKS) {
            String name = Effects.frameworkName(framework);
            pattern.append("<h3>Pattern effect, ")
                    .append(name)
                    .append(" apps</h3>\n")
                    .append(table(
                            effects,
                            observed,
                            "SSR",
                            "CSR",
                            "ratio SSR/CSR",
                            cell -> effects.pattern(framework, cell.flow(), cell.profile()),
                            variantsOf(framework)));
        }
        StringBuilder framework = new StringBuilder();
        for (String pat : Effects.PATTERNS) {
            String name = pat.toUpperCase();
            framework
                    .append("<h3>Framework effect, ")
                    .append(name)
                    .append("</h3>\n")
                    .append(table(
                            effects,
                            observed,
                            "Next.js " + name,
                            "Undertow " + name,
                            "ratio Next.js/Undertow",
                            cell -> effects.framework(pat, cell.flow(), cell.profile()),
                            pat.equals(Variants.SSR)
                                    ? List.of(Variants.NEXT_SSR, Variants.SSR)
                                    : List.of(Variants.NEXT_CSR, Variants.CSR)));
        }
        RatioChart.Style frameworkStyle = new RatioChart.Style(
                "Framework effect: Next.js/Undertow ratio of time to content per cell and pattern, with 95 % intervals",
                "One row per flow, profile and pattern; left of the line at 1 the Next.js app reached content sooner"
                        + " than the Undertow app of the same pattern at the same pair number, right of it Undertow did.",
                "Next.js / Undertow ratio for one pattern (log scale; < 1: Next.js faster, > 1: Undertow faster)",
                Palette.NEXT_SSR,
                Palette.SSR,
                c -> c.flow() + " · " + c.profile() + " · "
                        + Variants.pattern(c.first().variant()).toUpperCase());
        return """
                <section id="effects">
                <h2>2b. The pattern effect and the framework effect</h2>
                <p>This run measured four variants: the SSR and CSR apps built on Undertow, and the SSR and CSR apps \
                built on Next.js. A difference between two of them can come from the auth <i>pattern</i> (where the \
                session lives and who calls Appwrite) or from the <i>framework</i> (what the server and the page do \
                around it), so the report answers the two questions separately, per cell (flow × profile).</p>
                <ul>
                <li><b>The pattern effect</b>: SSR against CSR within one framework. Ratio = exp(median over the pair \
                numbers k of ln(SSR<sub>k</sub> / CSR<sub>k</sub>)), with SSR and CSR of the same framework; below 1 \
                SSR was faster. The two samples of pair k ran back to back, in a balanced random order.</li>
                <li><b>The framework effect</b>: Next.js against Undertow for one pattern. Ratio = exp(median over k \
                of ln(Next.js SSR<sub>k</sub> / Undertow SSR<sub>k</sub>)), and the same for CSR; below 1 the Next.js \
                app was faster. Pairing by k is legitimate because in every cell the harness runs, for each pair \
                number k, the Undertow pair and then the Next.js pair back to back: sample k of one framework ran \
                seconds after sample k of the other, on the same browser, profile and links, so whatever drifted \
                during the run (load from other processes, thermal state) affects both alike and cancels in the \
                ratio, as it does for SSR against CSR.</li>
                </ul>
                <p>Only complete pairs count (both samples ok with a time to content); a failed sample makes its pair \
                incomplete for both questions it takes part in. Intervals are paired percentile bootstraps of the \
                per-pair log ratios (B = %d, fixed seed per cell). %s p is the two-sided Wilcoxon signed-rank test; each \
                question is one Holm family: the pattern effect over its %d cells of both frameworks, the framework \
                effect over its %d cells of both patterns. Verdict as in section 2: Holm p &lt; %s <i>and</i> an \
                interval that excludes 1, at least %d complete pairs. "Not measured": the run has no samples of one \
                of the two variants in that cell (for example a flow the Next.js apps skipped).</p>
                %s<p class="note">The pattern effect of both frameworks is plotted in section 2, next to the A/A noise \
                floor.</p>
                %s<figure>%s<figcaption>Framework effect per cell and pattern with 95 %% bootstrap intervals. Filled \
                marker: significant difference; hollow: none.</figcaption></figure>
                </section>
                """.formatted(
                        Bootstrap.RESAMPLES,
                        Html.escape(IntervalCoverage.describe(model.results())),
                        tested(effects.pattern()),
                        tested(effects.framework()),
                        Format.num(Verdict.ALPHA, 2),
                        Verdict.MIN_PAIRS,
                        pattern,
                        framework,
                        RatioChart.svg(effects.framework(), frameworkStyle));
    }

    private static List<String> variantsOf(String framework) {
        return framework.equals(Variants.NEXTJS)
                ? List.of(Variants.NEXT_SSR, Variants.NEXT_CSR)
                : List.of(Variants.SSR, Variants.CSR);
    }

    private static long tested(List<CellComparison> family) {
        return family.stream().filter(c -> c.pairs() > 0).count();
    }

    private static String table(
            Effects effects,
            Set<String> observed,
            String first,
            String second,
            String ratio,
            Function<Effects.Cell, Optional<CellComparison>> lookup,
            List<String> variants) {
        StringBuilder rows = new StringBuilder();
        for (Effects.Cell cell : effects.cells()) {
            Optional<CellComparison> c = lookup.apply(cell);
            if (c.isPresent()) {
                rows.append(TimeToContentSection.row(c.get(), observed));
            } else {
                rows.append("<tr><td>")
                        .append(Html.escape(cell.flow()))
                        .append("</td><td>")
                        .append(Html.escape(cell.profile()))
                        .append("</td><td colspan=\"8\" class=\"empty\">not measured: ")
                        .append(Html.escape(String.join(" and ", variants)))
                        .append(" were not both measured in this cell")
                        .append("</td></tr>\n");
            }
        }
        return """
                <div class="wide"><table class="numbers">
                <thead><tr><th>flow</th><th>profile</th><th>%s median (p90)</th><th>%s median (p90)</th>\
                <th>failures</th><th>pairs</th><th>%s [95 %% CI]</th><th>p</th><th>p (Holm)</th><th>verdict</th></tr></thead>
                <tbody>
                %s</tbody></table></div>
                """.formatted(Html.escape(first), Html.escape(second), Html.escape(ratio), rows);
    }
}
