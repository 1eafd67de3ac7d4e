package io.authbench.harness.measure;

import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.PageProbe.Timings;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The metrics of one iteration, computed from what the browser and the counters reported; no I/O. Time zero is the
 * user action: the click's time stamp for click flows, the document's {@code timeOrigin} for navigation flows.
 *
 * <ul>
 *   <li><b>Time to content</b> ({@link #timeToContent}): the content element's paint minus the action.</li>
 *   <li>Document timings ({@link #addDocumentTimings}): TTFB, FCP, LCP, DOMContentLoaded, load of the document the
 *       action opened, shifted to the action.</li>
 *   <li>Client CPU ({@link #addClientCpu}): script and task time from CDP's Performance metrics.</li>
 *   <li>Network ({@link #addNetwork}, {@link #addServerSideCalls}): requests, bytes and calls per destination.</li>
 * </ul>
 */
public final class IterationMetrics {
    private IterationMetrics() {}

    /** Time to content, ms: from the action ({@code actionEpoch}) to the content element's paint ({@code contentEpoch}). */
    public static double timeToContent(double actionEpoch, double contentEpoch) {
        return contentEpoch - actionEpoch;
    }

    /**
     * Sets TTFB, FCP, LCP, DOMContentLoaded and load, as ms after the action. A document that started before the
     * action (CSR's same-document flows) has no timings of this action: nothing is set.
     */
    public static void addDocumentTimings(Metrics.Builder metrics, Timings t, double actionEpoch) {
        if (t.timeOrigin() == null || t.timeOrigin() < actionEpoch - 1) {
            return;
        }
        double offset = t.timeOrigin() - actionEpoch;
        setIfPresent(metrics, Metric.TTFB_MS, t.ttfb(), offset);
        setIfPresent(metrics, Metric.FCP_MS, t.fcp(), offset);
        setIfPresent(metrics, Metric.LCP_MS, t.lcp(), offset);
        setIfPresent(metrics, Metric.DOM_CONTENT_LOADED_MS, t.domContentLoaded(), offset);
        setIfPresent(metrics, Metric.LOAD_MS, t.load(), offset);
    }

    private static void setIfPresent(Metrics.Builder metrics, Metric metric, Double relative, double offset) {
        if (relative != null && relative > 0) {
            metrics.set(metric, relative + offset);
        }
    }

    /**
     * Script and task time of the measured phase from CDP {@code Performance.getMetrics} (seconds): the difference
     * when the action stayed in one document ({@code NavigationStart} unchanged), else the new document's total.
     *
     * @param before the metrics at the action; null when not taken (navigation flows)
     */
    public static void addClientCpu(Metrics.Builder metrics, Map<String, Double> before, Map<String, Double> after) {
        boolean sameDocument = before != null
                && before.get("NavigationStart") != null
                && before.get("NavigationStart").equals(after.get("NavigationStart"));
        for (var entry : Map.of(Metric.SCRIPT_MS, "ScriptDuration", Metric.TASK_MS, "TaskDuration")
                .entrySet()) {
            Double value = after.get(entry.getValue());
            if (value != null) {
                double seconds = sameDocument ? value - before.getOrDefault(entry.getValue(), 0.0) : value;
                metrics.set(entry.getKey(), Math.max(0, seconds * 1000));
            }
        }
    }

    /**
     * Requests, bytes and calls per destination.
     *
     * @param serverTimingUnknown the app announced nothing in Server-Timing ({@link #serverTimingUnknown}): its
     *                            server time is then not measured (absent, never 0)
     * @param warmRevisit         the revisit flow: its bytes are also the warm-revisit bytes
     */
    public static void addNetwork(
            Metrics.Builder metrics, NetworkSummary n, boolean serverTimingUnknown, boolean warmRevisit) {
        metrics.set(Metric.REQUESTS, n.requests())
                .set(Metric.BYTES, n.bytes())
                .set(Metric.REQUESTS_APP, n.requestsApp())
                .set(Metric.BYTES_APP, n.bytesApp())
                .set(Metric.REQUESTS_APPWRITE, n.requestsAppwrite())
                .set(Metric.BYTES_APPWRITE, n.bytesAppwrite())
                .set(Metric.PREFLIGHTS, n.preflights())
                .set(Metric.REDIRECTS, n.redirects())
                .set(Metric.SCRIPT_BYTES, n.scriptBytes())
                .set(Metric.APPWRITE_CALLS_BROWSER, n.appwriteCallsBrowser())
                .set(Metric.CRITICAL_PATH_DEPTH, n.criticalPathDepth())
                .set(Metric.SERVER_TIMING_MS, serverTimingUnknown ? null : n.serverTimingMs())
                .set(Metric.CACHEABLE_RESPONSES, n.cacheableResponses());
        if (warmRevisit) {
            metrics.set(Metric.WARM_REVISIT_BYTES, n.bytes());
        }
    }

    /**
     * App→Appwrite calls: the emulator's count ({@code countedByEmulator}, already net of the browser's own calls)
     * when known, else what the app announced in Server-Timing, else nothing.
     */
    public static void addServerSideCalls(
            Metrics.Builder metrics, NetworkSummary n, OptionalLong countedByEmulator, boolean serverTimingUnknown) {
        if (countedByEmulator.isPresent()) {
            metrics.set(Metric.APPWRITE_CALLS_SERVER, countedByEmulator.getAsLong());
        } else if (!serverTimingUnknown) {
            metrics.set(Metric.APPWRITE_CALLS_SERVER, n.appwriteCallsServer());
        }
    }

    /**
     * True when a target file's app sent no Server-Timing entry in {@code [from, to]}: its Appwrite calls and their
     * time are then unknown. The bundled apps ({@code builtIn}) announce every call, so for them no entry means no call.
     */
    public static boolean serverTimingUnknown(
            List<Exchange> exchanges, Destinations destinations, double from, double to, boolean builtIn) {
        return !builtIn
                && Waterfall.inWindow(exchanges, from, to).stream()
                        .noneMatch(
                                e -> destinations.isApp(e) && !e.serverTiming().isEmpty());
    }
}
