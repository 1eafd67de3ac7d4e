package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.Sample;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Waterfall of one sample: every request on the three links as a bar from start to end (ms after the user action),
 * coloured by link, with the moment the content was painted.
 */
final class WaterfallChart {
    private WaterfallChart() {}

    /**
     * The requests still running at or after the user action, by start time. Requests that finished before it
     * (loading the login form before the click) are not part of the measured interval and are left out.
     */
    static List<ObservedRequest> afterAction(Sample sample) {
        return sample.requests().stream()
                .filter(r -> r.endMs() == null || r.endMs() >= 0)
                .sorted(Comparator.comparingDouble(ObservedRequest::startMs))
                .toList();
    }

    /** Requests that finished before the user action (not drawn). */
    static long beforeAction(Sample sample) {
        return sample.requests().size() - afterAction(sample).size();
    }

    /** The time axis end that fits {@code sample} (so a pair of waterfalls can share one scale). */
    static double extentMs(Sample sample) {
        Double ttc = sample.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS);
        double max = ttc == null ? 1 : ttc;
        for (ObservedRequest r : afterAction(sample)) {
            max = Math.max(max, r.endMs() == null ? r.startMs() : r.endMs());
        }
        return Svg.niceCeiling(max * 1.02);
    }

    static String svg(String title, Sample sample, double xMax) {
        List<ObservedRequest> requests = afterAction(sample);
        Double ttc = sample.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS);
        int labelWidth = 250;
        int plotWidth = 280;
        int rowHeight = 16;
        int top = 26;
        int height = top + Math.max(1, requests.size()) * rowHeight + 40;
        DoubleUnaryOperator x = v -> labelWidth + Math.max(0, v) / xMax * plotWidth;
        Svg svg = new Svg(
                labelWidth + plotWidth + 16,
                height,
                "Waterfall: " + title,
                "Each bar is one request, from its start to its last byte, in milliseconds after the user action."
                        + " Colour and label give the link. The dashed line marks the paint of the content.");
        double bottom = top + requests.size() * rowHeight;
        for (double t : Svg.ticks(0, xMax, 5)) {
            svg.line(x.applyAsDouble(t), top, x.applyAsDouble(t), bottom, Palette.GRID, 1, "");
            svg.text(x.applyAsDouble(t), bottom + 13, Svg.tickLabel(t), "middle", "tick");
        }
        svg.text(labelWidth + plotWidth / 2.0, bottom + 30, "ms after the user action", "middle", "axis-label");
        double legendX = 4;
        for (NetworkLink link : NetworkLink.values()) {
            svg.rect(legendX, 6, 10, 10, color(link, false), null);
            svg.text(legendX + 14, 15, link.code(), "start", "tick");
            legendX += 122;
        }
        svg.rect(legendX, 6, 10, 10, Palette.PREFLIGHT, null);
        svg.text(legendX + 14, 15, "preflight", "start", "tick");
        for (int i = 0; i < requests.size(); i++) {
            ObservedRequest r = requests.get(i);
            double y = top + i * rowHeight;
            String label = (r.link() == NetworkLink.APP_APPWRITE ? "  ↳ app→Appwrite " : "")
                    + (r.method() == null ? "" : r.method() + " ")
                    + r.path()
                    + (r.status() == null ? "" : " " + r.status())
                    + (r.fromCache() ? " (cache)" : "")
                    + (r.criticalPath() ? " *" : "");
            svg.text(labelWidth - 6, y + 12, shorten(label, 42), "end", "tick");
            double end = r.endMs() == null ? r.startMs() : r.endMs();
            String tip = label.trim() + ": " + Format.ms(r.startMs()) + " → " + Format.ms(r.endMs())
                    + (r.bytes() == null ? "" : ", " + Format.bytes(r.bytes().doubleValue()))
                    + (r.cacheControl() == null ? "" : ", Cache-Control: " + r.cacheControl());
            svg.rect(
                    x.applyAsDouble(r.startMs()),
                    y + 3,
                    x.applyAsDouble(end) - x.applyAsDouble(r.startMs()),
                    rowHeight - 6,
                    color(r.link(), r.preflight()),
                    tip);
        }
        if (ttc != null) {
            svg.line(x.applyAsDouble(ttc), top - 4, x.applyAsDouble(ttc), bottom, "#000000", 1.5, "4 3");
            svg.text(
                    Math.min(x.applyAsDouble(ttc) + 3, labelWidth + plotWidth - 40),
                    bottom - 3,
                    "content " + Format.ms(ttc),
                    "start",
                    "tick");
        }
        return svg.close();
    }

    /** Keeps labels inside the label column: long ones lose their middle (the full text is in the tooltip). */
    static String shorten(String label, int max) {
        if (label.length() <= max) {
            return label;
        }
        int keep = (max - 1) / 2;
        return label.substring(0, keep) + "…" + label.substring(label.length() - (max - 1 - keep));
    }

    private static String color(NetworkLink link, boolean preflight) {
        if (preflight) {
            return Palette.PREFLIGHT;
        }
        return switch (link) {
            case BROWSER_APP -> Palette.SSR;
            case BROWSER_APPWRITE -> Palette.APPWRITE;
            case APP_APPWRITE -> Palette.SERVER;
        };
    }
}
