package io.authbench.reports.writer;

import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.ClaimRow;
import io.authbench.reports.stats.Effects;
import io.authbench.reports.stats.ReportModel;
import java.util.List;
import java.util.Locale;

/** The console lines of a four-variant run: both effects per cell, and each claim's verdict per framework. */
final class FourVariantSummary {
    private FourVariantSummary() {}

    static String text(ReportModel model) {
        Effects effects = model.fourVariants().orElseThrow().effects();
        StringBuilder out = new StringBuilder();
        for (String framework : Effects.FRAMEWORKS) {
            out.append("pattern effect, ")
                    .append(Effects.frameworkName(framework))
                    .append(":\n");
            out.append(String.format(
                    Locale.ROOT,
                    "%-13s %-12s %11s %11s  %-24s %s%n",
                    "flow",
                    "profile",
                    "SSR median",
                    "CSR median",
                    "ratio SSR/CSR [95% CI]",
                    "verdict"));
            lines(out, effects, effects.patternIn(framework));
        }
        for (String pattern : Effects.PATTERNS) {
            String name = pattern.toUpperCase(Locale.ROOT);
            out.append("framework effect, ").append(name).append(":\n");
            out.append(String.format(
                    Locale.ROOT,
                    "%-13s %-12s %11s %11s  %-24s %s%n",
                    "flow",
                    "profile",
                    "Next.js",
                    "Undertow",
                    "ratio Next/Undertow [CI]",
                    "verdict"));
            lines(out, effects, effects.frameworkFor(pattern));
        }
        return out.toString();
    }

    /** Every cell of the run, "not measured" where the family has no comparison for it. */
    private static void lines(StringBuilder out, Effects effects, List<CellComparison> family) {
        for (Effects.Cell cell : effects.cells()) {
            family.stream()
                    .filter(c -> c.flow().equals(cell.flow()) && c.profile().equals(cell.profile()))
                    .findFirst()
                    .ifPresentOrElse(
                            c -> out.append(ConsoleSummary.line(c)),
                            () -> out.append(String.format(
                                    Locale.ROOT,
                                    "%-13s %-12s %11s %11s  %-24s %s%n",
                                    cell.flow(),
                                    cell.profile(),
                                    "—",
                                    "—",
                                    "—",
                                    "not measured")));
        }
    }

    static String claims(ReportModel model) {
        List<ClaimRow> undertow = model.claims();
        List<ClaimRow> nextjs = model.fourVariants().orElseThrow().nextjsClaims();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < undertow.size(); i++) {
            out.append(String.format(
                    Locale.ROOT,
                    "claim %-24s Undertow: %-32s Next.js: %s%n",
                    undertow.get(i).topic() + ":",
                    undertow.get(i).verdict().label(),
                    i < nextjs.size() ? nextjs.get(i).verdict().label() : "not measured"));
        }
        return out.toString();
    }
}
