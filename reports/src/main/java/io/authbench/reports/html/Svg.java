package io.authbench.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tiny inline-SVG writer for the report's charts: every chart gets a {@code <title>} and {@code <desc>} (read by
 * screen readers and shown as a tooltip), and all text is escaped.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title, String description) {
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " role=\"img\" aria-label=\"%s\">",
                width,
                height,
                width,
                height,
                Html.escape(title)));
        out.append("<title>").append(Html.escape(title)).append("</title>");
        out.append("<desc>").append(Html.escape(description)).append("</desc>");
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                dashAttr(dash)));
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x,
                y,
                Math.max(w, 0.8),
                h,
                fill));
        if (tooltip != null) {
            out.append("<title>").append(Html.escape(tooltip)).append("</title>");
        }
        out.append("</rect>");
        return this;
    }

    Svg outlinedRect(double x, double y, double w, double h, String stroke, String tooltip) {
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"white\" stroke=\"%s\" stroke-width=\"1\" stroke-dasharray=\"2 2\">",
                x,
                y,
                Math.max(w, 0.8),
                h,
                stroke));
        if (tooltip != null) {
            out.append("<title>").append(Html.escape(tooltip)).append("</title>");
        }
        out.append("</rect>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        out.append(
                String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", cx, cy, r, fill));
        if (tooltip != null) {
            out.append("<title>").append(Html.escape(tooltip)).append("</title>");
        }
        out.append("</circle>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, String cssClass) {
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">%s</text>",
                x,
                y,
                anchor,
                cssClass,
                Html.escape(text)));
        return this;
    }

    /** Rotated axis label for a vertical axis. */
    Svg verticalText(double x, double y, String text) {
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"axis-label\""
                        + " transform=\"rotate(-90 %.1f %.1f)\">%s</text>",
                x,
                y,
                x,
                y,
                Html.escape(text)));
        return this;
    }

    Svg polyline(List<double[]> points, String stroke, String dash) {
        StringBuilder p = new StringBuilder();
        for (double[] point : points) {
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", point[0], point[1]));
        }
        out.append(String.format(
                Locale.ROOT,
                "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>",
                stroke,
                dashAttr(dash),
                p.toString().trim()));
        return this;
    }

    String close() {
        return out.append("</svg>").toString();
    }

    private static String dashAttr(String dash) {
        return dash == null || dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
    }

    /** About {@code count} round tick values covering [min, max] (1, 2, 5 × 10^k steps). */
    static List<Double> ticks(double min, double max, int count) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min)) {
            ticks.add(min);
            return ticks;
        }
        double raw = (max - min) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (raw <= m * magnitude) {
                step = m * magnitude;
                break;
            }
        }
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    /** The smallest round value (1, 2, 5 × 10^k) at or above {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (value <= m * magnitude) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String tickLabel(double value) {
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%s", Double.toString(Math.round(value * 1000) / 1000.0));
    }
}
