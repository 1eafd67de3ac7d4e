package io.authbench.harness.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The in-page instrumentation: {@link #ACTION_MARK_SCRIPT} (an init script that time-stamps the user's click) and
 * {@link #measure} (Element Timing, paint, LCP and navigation timing of the current document).
 */
public final class PageProbe {
    /** Install with {@code BrowserContext.addInitScript}; see action-mark.js. */
    public static final String ACTION_MARK_SCRIPT = resource("action-mark.js");
    private static final String PROBE_SCRIPT = resource("probe.js");
    private static final String CLEAR_ACTION = "() => { try { sessionStorage.removeItem('__authbenchActionEpoch'); } catch (e) {} }";

    private PageProbe() {
    }

    /** Forgets an earlier action (a set-up click) so only the measured click counts. */
    public static void clearAction(Page page) {
        page.evaluate(CLEAR_ACTION);
    }

    /**
     * Waits (up to {@code timeoutMs}) for the Element Timing entry of {@code identifier} painted after the action and
     * reads the document's timings.
     *
     * @param useAction true if the flow starts with a click (its time comes from sessionStorage); false if it starts
     *                  with a navigation (time zero is the document's timeOrigin)
     */
    public static Timings measure(Page page, String identifier, boolean useAction, long timeoutMs) {
        Object raw = page.evaluate(PROBE_SCRIPT, Map.of("identifier", identifier, "useAction", useAction, "timeoutMs", (double) timeoutMs));
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalStateException("the page probe returned " + raw);
        }
        Object element = map.get("element");
        Double paint = element instanceof Map<?, ?> el ? number(el.get("paint")) : null;
        return new Timings(number(map.get("timeOrigin")), number(map.get("actionEpoch")), paint,
                map.get("text") == null ? null : map.get("text").toString(),
                number(map.get("ttfb")), number(map.get("fcp")), number(map.get("lcp")),
                number(map.get("domContentLoaded")), number(map.get("load")));
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static String resource(String name) {
        try (InputStream in = PageProbe.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the harness jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the probe read. Times other than {@code timeOrigin}/{@code actionEpoch} are milliseconds after the
     * document's timeOrigin; null = not available.
     *
     * @param timeOrigin  the document's {@code performance.timeOrigin}, epoch ms
     * @param actionEpoch the recorded click, epoch ms; null for navigation flows or if none was recorded
     * @param contentPaint paint time of the content element ({@code paintTime}, else {@code renderTime}); null = never painted
     * @param contentText the content element's text, null if absent
     */
    public record Timings(Double timeOrigin, Double actionEpoch, Double contentPaint, String contentText, Double ttfb,
                          Double fcp, Double lcp, Double domContentLoaded, Double load) {

        /** Epoch ms of the content paint, or null. */
        public Double contentEpoch() {
            return timeOrigin == null || contentPaint == null ? null : timeOrigin + contentPaint;
        }
    }
}
