package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/** Forest plot: the paired ratio of each cell with its 95 % bootstrap interval, on a log axis around 1. */
final class RatioChart {
    private static final double[] CANDIDATE_TICKS = {0.1, 0.2, 0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 10
    };

    private RatioChart() {}

    /**
     * What a forest plot says about its ratio: title and description of the SVG, the x-axis label, the colour of a
     * significant result for each side, and the row label of a cell.
     */
    record Style(
            String title,
            String description,
            String axis,
            String firstColor,
            String secondColor,
            Function<CellComparison, String> label) {}

    /** SSR/CSR (and A/A) cells, as section 2 of every run shows them. */
    static final Style SSR_CSR = new Style(
            "SSR/CSR ratio of time to content per cell, with 95 % intervals",
            "One row per flow and profile; a point left of the line at 1 means SSR reached content sooner than"
                    + " CSR in the typical pair, right of it CSR did. Bars are bootstrap 95 % confidence intervals.",
            "SSR / CSR ratio of time to content (log scale; < 1: SSR faster, > 1: CSR faster)",
            Palette.SSR,
            Palette.CSR,
            c -> c.flow() + " · " + c.profile() + (c.aa() ? " (A/A)" : ""));

    static String svg(List<CellComparison> cells) {
        return svg(cells, SSR_CSR);
    }

    static String svg(List<CellComparison> cells, Style style) {
        List<CellComparison> drawn =
                cells.stream().filter(c -> c.ratio() != null).toList();
        // Room for the longest row label (about 6 px a character at the tick size), at least the usual 190 px.
        int labelWidth = Math.max(
                190,
                drawn.stream()
                        .mapToInt(c -> style.label().apply(c).length() * 6 + 12)
                        .max()
                        .orElse(0));
        int plotWidth = 480;
        int rowHeight = 20;
        int top = 28;
        int height = top + Math.max(1, drawn.size()) * rowHeight + 48;
        int width = labelWidth + plotWidth + 20;
        double lo = 0.8;
        double hi = 1.25;
        for (CellComparison c : drawn) {
            lo = Math.min(lo, c.interval().low());
            hi = Math.max(hi, c.interval().high());
        }
        double logLo = Math.log(lo / 1.1);
        double logHi = Math.log(hi * 1.1);
        double span = Math.max(logHi - logLo, 1e-9);
        DoubleUnaryOperator x = r -> labelWidth + (Math.log(r) - logLo) / span * plotWidth;
        Svg svg = new Svg(width, height, style.title(), style.description());
        double bottom = top + drawn.size() * rowHeight;
        List<Double> ticks = new ArrayList<>();
        for (double t : CANDIDATE_TICKS) {
            if (Math.log(t) >= logLo && Math.log(t) <= logHi) {
                ticks.add(t);
            }
        }
        for (double t : ticks) {
            double tx = x.applyAsDouble(t);
            svg.line(
                    tx,
                    top - 6,
                    tx,
                    bottom,
                    t == 1 ? Palette.NEUTRAL : Palette.GRID,
                    t == 1 ? 1.5 : 1,
                    t == 1 ? "" : "2 2");
            svg.text(tx, bottom + 14, Svg.tickLabel(t), "middle", "tick");
        }
        svg.text(labelWidth + plotWidth / 2.0, bottom + 32, style.axis(), "middle", "axis-label");
        svg.text(labelWidth - 6, top - 10, "flow · profile", "end", "axis-label");
        for (int i = 0; i < drawn.size(); i++) {
            CellComparison c = drawn.get(i);
            double y = top + i * rowHeight + rowHeight / 2.0;
            String color = c.aa()
                    ? Palette.AA
                    : switch (c.verdict().kind()) {
                        case FIRST_FASTER -> style.firstColor();
                        case SECOND_FASTER -> style.secondColor();
                        default -> Palette.NEUTRAL;
                    };
            String label = style.label().apply(c);
            svg.text(labelWidth - 6, y + 4, label, "end", "tick");
            String tip = label + ": ratio " + Format.ratio(c.ratio()) + " ["
                    + Format.ratio(c.interval().low()) + ", "
                    + Format.ratio(c.interval().high()) + "], " + c.pairs() + " pairs; "
                    + c.verdict().sentence();
            svg.line(
                    x.applyAsDouble(c.interval().low()),
                    y,
                    x.applyAsDouble(c.interval().high()),
                    y,
                    color,
                    2.5,
                    "");
            if (c.verdict().kind() == Verdict.Kind.NO_DIFFERENCE || c.verdict().kind() == Verdict.Kind.TOO_FEW_PAIRS) {
                svg.outlinedRect(x.applyAsDouble(c.ratio()) - 4, y - 4, 8, 8, color, tip);
            } else {
                svg.rect(x.applyAsDouble(c.ratio()) - 4, y - 4, 8, 8, color, tip);
            }
        }
        return svg.close();
    }
}
