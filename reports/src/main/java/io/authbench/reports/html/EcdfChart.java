package io.authbench.reports.html;

import io.authbench.reports.stats.VariantStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Empirical cumulative distribution of time to content for the variants of one cell (step lines). */
final class EcdfChart {
    private EcdfChart() {}

    static String svg(String title, List<VariantStats> variants) {
        int width = 340;
        int height = 200;
        int left = 44;
        int right = 12;
        boolean twoRows = variants.size() > 2; // a four-variant cell: the legend takes two rows of two
        int top = twoRows ? 36 : 24;
        int bottom = 40;
        double max = 0;
        for (VariantStats v : variants) {
            if (v.values().length > 0) {
                max = Math.max(max, v.values()[v.values().length - 1]);
            }
        }
        double xMax = Svg.niceCeiling(Math.max(max * 1.05, 1));
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        DoubleUnaryOperator x = v -> left + v / xMax * plotW;
        DoubleUnaryOperator y = f -> top + (1 - f) * plotH;
        Svg svg = new Svg(
                width,
                height,
                "Distribution of time to content: " + title,
                "Empirical cumulative distribution: for each time on the x axis, the share of ok samples that had"
                        + " shown the content by then. Further left is faster.");
        for (double t : Svg.ticks(0, xMax, 4)) {
            svg.line(x.applyAsDouble(t), top, x.applyAsDouble(t), top + plotH, Palette.GRID, 1, "");
            svg.text(x.applyAsDouble(t), top + plotH + 13, Svg.tickLabel(t), "middle", "tick");
        }
        for (double f : new double[] {0, 0.5, 1}) {
            svg.line(left, y.applyAsDouble(f), left + plotW, y.applyAsDouble(f), Palette.GRID, 1, "");
            svg.text(left - 4, y.applyAsDouble(f) + 4, Svg.tickLabel(f), "end", "tick");
        }
        svg.text(left + plotW / 2, height - 6, "time to content (ms)", "middle", "axis-label");
        svg.verticalText(11, top + plotH / 2, "share of samples");
        double legendX = left + 4;
        double legendY = 12;
        int index = 0;
        for (VariantStats v : variants) {
            if (twoRows) {
                legendX = left + 4 + (index % 2) * 150;
                legendY = 12 + (index / 2) * 13;
            }
            index++;
            double[] values = v.values();
            String color = Palette.variant(v.variant());
            if (values.length > 0) {
                List<double[]> points = new ArrayList<>();
                points.add(new double[] {x.applyAsDouble(values[0]), y.applyAsDouble(0)});
                for (int i = 0; i < values.length; i++) {
                    double before = (double) i / values.length;
                    double after = (double) (i + 1) / values.length;
                    points.add(new double[] {x.applyAsDouble(values[i]), y.applyAsDouble(before)});
                    points.add(new double[] {x.applyAsDouble(values[i]), y.applyAsDouble(after)});
                }
                points.add(new double[] {x.applyAsDouble(xMax), y.applyAsDouble(1)});
                svg.polyline(points, color, Palette.dash(v.variant()));
            }
            svg.line(legendX, legendY, legendX + 18, legendY, color, 2, Palette.dash(v.variant()));
            svg.text(
                    legendX + 22,
                    legendY + 4,
                    v.variant().toUpperCase() + " (n=" + values.length + ")",
                    "start",
                    "tick");
            legendX += 110;
        }
        return svg.close();
    }
}
