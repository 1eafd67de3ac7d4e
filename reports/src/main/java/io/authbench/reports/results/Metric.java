package io.authbench.reports.results;

import java.util.Optional;

/**
 * Every per-sample metric the harness may record, with its JSON key, unit and meaning.
 *
 * <p>The key carries the unit ({@code timeToContentMs}); times are milliseconds relative to the user action
 * unless the description says otherwise. A metric the harness did not measure is absent, never 0. Adding a
 * constant here is a compatible schema change (readers ignore keys they do not know, see {@link Metrics}).
 */
public enum Metric {
    TIME_TO_CONTENT_MS(
            "timeToContentMs",
            Unit.MS,
            "user action to the paint of the flow's content element (Element Timing paintTime, else renderTime)"),
    TTFB_MS("ttfbMs", Unit.MS, "user action to the first byte of the final document (Navigation Timing responseStart)"),
    FCP_MS("fcpMs", Unit.MS, "user action to First Contentful Paint of the final document"),
    LCP_MS("lcpMs", Unit.MS, "user action to the last Largest Contentful Paint candidate"),
    DOM_CONTENT_LOADED_MS("domContentLoadedMs", Unit.MS, "user action to DOMContentLoaded of the final document"),
    LOAD_MS("loadMs", Unit.MS, "user action to the load event of the final document"),

    REQUESTS("requests", Unit.COUNT, "requests the browser sent (CDP Network events), preflights included"),
    BYTES("bytes", Unit.BYTES, "bytes the browser received over the wire (encoded, headers included)"),
    REQUESTS_APP("requestsApp", Unit.COUNT, "browser requests to the app server"),
    BYTES_APP("bytesApp", Unit.BYTES, "bytes received from the app server"),
    REQUESTS_APPWRITE("requestsAppwrite", Unit.COUNT, "browser requests to Appwrite, preflights included"),
    BYTES_APPWRITE("bytesAppwrite", Unit.BYTES, "bytes received from Appwrite"),
    PREFLIGHTS("preflights", Unit.COUNT, "CORS preflight (OPTIONS) requests"),
    REDIRECTS("redirects", Unit.COUNT, "HTTP redirects followed by the browser"),
    SCRIPT_BYTES("scriptBytes", Unit.BYTES, "bytes of JavaScript received"),

    APPWRITE_CALLS_BROWSER(
            "appwriteCallsBrowser", Unit.COUNT, "Appwrite API calls made by the browser (preflights excluded)"),
    APPWRITE_CALLS_SERVER("appwriteCallsServer", Unit.COUNT, "Appwrite API calls made by the app server"),
    CRITICAL_PATH_DEPTH(
            "criticalPathDepth",
            Unit.COUNT,
            "sequential round trips (any link, preflights included) between the user action and the content"),
    SERVER_TIMING_MS("serverTimingMs", Unit.MS, "sum of the app's Server-Timing durations for its Appwrite calls"),

    SCRIPT_MS("scriptMs", Unit.MS, "main-thread script time (CDP Performance.getMetrics ScriptDuration)"),
    TASK_MS("taskMs", Unit.MS, "main-thread task time (CDP Performance.getMetrics TaskDuration)"),
    APP_CPU_MS(
            "appCpuMs",
            Unit.MS,
            "the app server's CPU time during this iteration's measured phase: its process"
                    + " tree's threads (per-thread schedstat, ns resolution), JIT compiler threads left out"),
    APPWRITE_CPU_MS(
            "appwriteCpuMs",
            Unit.MS,
            "Appwrite's (the emulator's) CPU time during this iteration's measured" + " phase, read like appCpuMs"),
    APP_JIT_MS("appJitMs", Unit.MS, "CPU time of the app server's JIT compiler threads during the measured phase"),
    APPWRITE_JIT_MS("appwriteJitMs", Unit.MS, "CPU time of Appwrite's JIT compiler threads during the measured phase"),

    CONTENT_WITHOUT_JS("contentWithoutJs", Unit.FLAG, "the user's name is in the HTML with JavaScript disabled"),
    WARM_REVISIT_BYTES("warmRevisitBytes", Unit.BYTES, "bytes received on a revisit with a warm HTTP cache"),
    CACHEABLE_RESPONSES(
            "cacheableResponses", Unit.COUNT, "responses a shared or private cache may store (Cache-Control)");

    /** How a metric's value is read and summarised. */
    public enum Unit {
        MS("ms"),
        COUNT("count"),
        BYTES("bytes"),
        FLAG("true/false");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        /** Short unit label for tables and axes. */
        public String label() {
            return label;
        }
    }

    private final String key;
    private final Unit unit;
    private final String description;

    Metric(String key, Unit unit, String description) {
        this.key = key;
        this.unit = unit;
        this.description = description;
    }

    /** The JSON key. */
    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    /** One sentence: what is measured and where it comes from. */
    public String description() {
        return description;
    }

    /** True for yes/no metrics (stored as JSON booleans); all others are numbers. */
    public boolean isFlag() {
        return unit == Unit.FLAG;
    }

    /** The metric with this JSON key, if any. */
    public static Optional<Metric> byKey(String key) {
        for (Metric metric : values()) {
            if (metric.key.equals(key)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
