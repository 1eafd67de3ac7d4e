package io.authbench.harness.browser;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The in-page instrumentation: {@link #actionMarkScript} (an init script that time-stamps the user's click),
 * {@link #contentWatchScript} (an init script behind the observer-based time to content) and {@link #measure}
 * (Element Timing or the observer's time, paint, LCP and navigation timing of the current document).
 */
public final class PageProbe {
    /** {@code Timings.method()} of a content element with an {@code elementtiming} attribute. */
    public static final String ELEMENT_TIMING = "element-timing";
    /** {@code Timings.method()} of the observer-based fallback (content-watch.js). */
    public static final String OBSERVER = "observer";

    private static final String ACTION_MARK = resource("action-mark.js");
    private static final String CONTENT_WATCH = resource("content-watch.js");
    private static final String PROBE_SCRIPT = resource("probe.js");
    private static final String CLEAR_ACTION =
            "() => { try { sessionStorage.removeItem('__authbenchActionEpoch'); } catch (e) {} }";

    private PageProbe() {}

    /**
     * The init script that records a click on one of {@code controlSelectors} (CSS selectors of the controls whose
     * click starts a flow) as the action; install with {@code BrowserContext.addInitScript}; see action-mark.js.
     */
    public static String actionMarkScript(List<String> controlSelectors) {
        return "(" + ACTION_MARK.strip() + ")(" + jsString(String.join(",", controlSelectors)) + ");";
    }

    /**
     * The init script of the observer-based time to content: notes when {@code selector} first matches a visible
     * element whose text shows {@code expected} by {@code mode} and the next frame after that; see content-watch.js.
     *
     * @param mode     {@code exact}, {@code contains} or {@code regex} (the target's name match,
     *                 {@code io.authbench.harness.apptarget.NameMatch}); null with {@code expected} null: any text
     * @param expected the name, or for {@code regex} the expression with the name in it
     */
    public static String contentWatchScript(String selector, String mode, String expected) {
        return "(" + CONTENT_WATCH.strip() + ")({selector: " + jsString(selector) + ", mode: "
                + (mode == null ? "null" : jsString(mode)) + ", expected: "
                + (expected == null ? "null" : jsString(expected)) + "});";
    }

    /**
     * A JavaScript string literal of {@code text}: a JSON string (Jackson's encoder), which JavaScript reads as the
     * same string. The scripts are init scripts, never inlined in HTML, so nothing beyond JSON's escaping is needed.
     */
    static String jsString(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** Forgets an earlier action (a set-up click) so only the measured click counts. */
    public static void clearAction(Page page) {
        page.evaluate(CLEAR_ACTION);
    }

    /**
     * Waits (up to {@code timeoutMs}) for the paint of the content element {@code selector} after the action and reads
     * the document's timings: its Element Timing entry if the element has an {@code elementtiming} attribute, else the
     * observer-based time of {@link #contentWatchScript} (which must have been installed before the action).
     *
     * @param useAction true if the flow starts with a click (its time comes from sessionStorage); false if it starts
     *                  with a navigation (time zero is the document's timeOrigin)
     */
    public static Timings measure(Page page, String selector, boolean useAction, long timeoutMs) {
        Object raw = page.evaluate(
                PROBE_SCRIPT, Map.of("selector", selector, "useAction", useAction, "timeoutMs", (double) timeoutMs));
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalStateException("the page probe returned " + raw);
        }
        Object element = map.get("element");
        Double paint = element instanceof Map<?, ?> el ? number(el.get("paint")) : null;
        return new Timings(
                String.valueOf(map.get("method")),
                number(map.get("timeOrigin")),
                number(map.get("actionEpoch")),
                paint,
                map.get("text") == null ? null : map.get("text").toString(),
                number(map.get("ttfb")),
                number(map.get("fcp")),
                number(map.get("lcp")),
                number(map.get("domContentLoaded")),
                number(map.get("load")));
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
     * @param method      {@link #ELEMENT_TIMING} or {@link #OBSERVER}: how {@code contentPaint} was taken
     * @param timeOrigin  the document's {@code performance.timeOrigin}, epoch ms
     * @param actionEpoch the recorded click, epoch ms; null for navigation flows or if none was recorded
     * @param contentPaint paint time of the content element (Element Timing: {@code paintTime}, else {@code renderTime};
     *                    observer: the first frame after the content appeared); null = never painted
     * @param contentText the content element's text, null if absent
     */
    public record Timings(
            String method,
            Double timeOrigin,
            Double actionEpoch,
            Double contentPaint,
            String contentText,
            Double ttfb,
            Double fcp,
            Double lcp,
            Double domContentLoaded,
            Double load) {

        /** Epoch ms of the content paint, or null. */
        public Double contentEpoch() {
            return timeOrigin == null || contentPaint == null ? null : timeOrigin + contentPaint;
        }
    }
}
