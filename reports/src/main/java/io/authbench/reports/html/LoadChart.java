package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.LoadStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/** Load ladder: latency percentiles (log axis) against the offered request rate, per variant. */
final class LoadChart {
    private LoadChart() {}

    static String svg(List<LoadStep> steps) {
        int width = 560;
        int height = 280;
        int left = 56;
        int right = 130;
        int top = 16;
        int bottom = 44;
        double maxRate =
                steps.stream().mapToDouble(LoadStep::offeredPerSecond).max().orElse(1);
        double minLat = Double.MAX_VALUE;
        double maxLat = 0;
        for (LoadStep s : steps) {
            for (Double v : new Double[] {s.p50Ms(), s.p99Ms()}) {
                if (v != null && v > 0) {
                    minLat = Math.min(minLat, v);
                    maxLat = Math.max(maxLat, v);
                }
            }
        }
        if (maxLat == 0) {
            minLat = 1;
            maxLat = 10;
        }
        double logLo = Math.floor(Math.log10(minLat));
        double logHi = Math.ceil(Math.log10(maxLat));
        if (logHi == logLo) {
            logHi++;
        }
        double xMax = Svg.niceCeiling(maxRate);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double lo = logLo;
        double hi = logHi;
        DoubleUnaryOperator x = v -> left + v / xMax * plotW;
        DoubleUnaryOperator y = v -> top + (1 - (Math.log10(v) - lo) / (hi - lo)) * plotH;
        Svg svg = new Svg(
                width,
                height,
                "Load ladder: latency against offered rate",
                "Median (solid) and 99th percentile (dotted) latency in milliseconds on a log axis, per variant,"
                        + " as the offered request rate rises.");
        for (double t : Svg.ticks(0, xMax, 5)) {
            svg.line(x.applyAsDouble(t), top, x.applyAsDouble(t), top + plotH, Palette.GRID, 1, "");
            svg.text(x.applyAsDouble(t), top + plotH + 13, Svg.tickLabel(t), "middle", "tick");
        }
        for (double e = logLo; e <= logHi; e++) {
            double v = Math.pow(10, e);
            svg.line(left, y.applyAsDouble(v), left + plotW, y.applyAsDouble(v), Palette.GRID, 1, "");
            svg.text(left - 4, y.applyAsDouble(v) + 4, Svg.tickLabel(v), "end", "tick");
        }
        svg.text(left + plotW / 2, height - 8, "offered rate (requests/s)", "middle", "axis-label");
        svg.verticalText(12, top + plotH / 2, "latency (ms, log)");
        Map<String, List<LoadStep>> byVariant = new TreeMap<>();
        for (LoadStep s : steps) {
            byVariant
                    .computeIfAbsent(s.variant() + " · " + s.target(), k -> new ArrayList<>())
                    .add(s);
        }
        double legendY = top + 8;
        for (Map.Entry<String, List<LoadStep>> e : byVariant.entrySet()) {
            String variant = e.getValue().get(0).variant();
            String color = Palette.variant(variant);
            List<LoadStep> sorted = e.getValue().stream()
                    .sorted(Comparator.comparingDouble(LoadStep::offeredPerSecond))
                    .toList();
            line(svg, sorted, LoadStep::p50Ms, x, y, color, "");
            line(svg, sorted, LoadStep::p99Ms, x, y, color, "2 3");
            svg.line(left + plotW + 8, legendY, left + plotW + 24, legendY, color, 2, "");
            svg.text(left + plotW + 28, legendY + 4, variant.toUpperCase() + " p50", "start", "tick");
            svg.line(left + plotW + 8, legendY + 14, left + plotW + 24, legendY + 14, color, 2, "2 3");
            svg.text(left + plotW + 28, legendY + 18, variant.toUpperCase() + " p99", "start", "tick");
            legendY += 34;
        }
        return svg.close();
    }

    private static void line(
            Svg svg,
            List<LoadStep> steps,
            Function<LoadStep, Double> value,
            DoubleUnaryOperator x,
            DoubleUnaryOperator y,
            String color,
            String dash) {
        List<double[]> points = new ArrayList<>();
        for (LoadStep s : steps) {
            Double v = value.apply(s);
            if (v != null && v > 0) {
                points.add(new double[] {x.applyAsDouble(s.offeredPerSecond()), y.applyAsDouble(v)});
                svg.circle(
                        x.applyAsDouble(s.offeredPerSecond()),
                        y.applyAsDouble(v),
                        2.5,
                        color,
                        s.variant() + " at " + Format.count(s.offeredPerSecond()) + "/s: " + Format.ms(v));
            }
        }
        if (points.size() > 1) {
            svg.polyline(points, color, dash);
        }
    }
}
