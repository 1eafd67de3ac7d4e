package io.authbench.reports.writer;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.Run;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.ClaimRow;
import io.authbench.reports.stats.ReportModel;
import java.util.List;
import java.util.Locale;

/** The short plain-text summary printed at the end of a report run (and of {@code mvn verify -Pbench}). */
public final class ConsoleSummary {
    private ConsoleSummary() {}

    public static String text(ReportModel model) {
        Run run = model.results().run();
        long measured =
                model.results().samples().stream().filter(s -> !s.warmup()).count();
        long failed = model.results().samples().stream()
                .filter(s -> !s.warmup() && !s.ok())
                .count();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "AuthBench run %s (%s%s): %d measured samples, %d failed%n",
                run.id(),
                run.status().code(),
                run.statusReason() == null ? "" : ": " + run.statusReason(),
                measured,
                failed));
        List<CellComparison> cells = model.comparisons().ssrCsr();
        if (model.fourVariants().isPresent()) {
            out.append(FourVariantSummary.text(model));
        } else if (!cells.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-13s %-12s %11s %11s  %-24s %s%n",
                    "flow",
                    "profile",
                    "SSR median",
                    "CSR median",
                    "ratio SSR/CSR [95% CI]",
                    "verdict"));
            for (CellComparison c : cells) {
                out.append(line(c));
            }
        }
        for (CellComparison c : model.comparisons().aa()) {
            out.append("A/A noise floor: ").append(line(c));
        }
        if (model.fourVariants().isPresent()) {
            out.append(FourVariantSummary.claims(model));
        } else {
            for (ClaimRow claim : model.claims()) {
                out.append(String.format(
                        Locale.ROOT,
                        "claim %-24s %s%n",
                        claim.topic() + ":",
                        claim.verdict().label()));
            }
        }
        model.baseline()
                .ifPresent(b -> out.append(String.format(
                        Locale.ROOT,
                        "against baseline: %d cell variants slower, %d faster; SSR/CSR ratios: %d up, %d down; run-wide factor"
                                + " %s; noise judged %s%n",
                        b.count("slower"),
                        b.count("faster"),
                        b.count("ratio up"),
                        b.count("ratio down"),
                        b.times().judgeable()
                                ? String.format(Locale.ROOT, "%.3f", b.times().common())
                                : "not estimated",
                        b.times().model().label())));
        return out.toString();
    }

    static String line(CellComparison c) {
        String interval = c.ratio() == null
                ? "—"
                : String.format(
                        Locale.ROOT,
                        "%.2f [%.2f, %.2f]",
                        c.ratio(),
                        c.interval().low(),
                        c.interval().high());
        return String.format(
                Locale.ROOT,
                "%-13s %-12s %11s %11s  %-24s %s%n",
                c.flow(),
                c.profile(),
                Format.ms(c.first().median()),
                Format.ms(c.second().median()),
                interval,
                c.verdict().sentence());
    }
}
