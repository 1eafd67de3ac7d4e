package io.authbench.reports.results;

import java.util.Objects;

/**
 * One request of a sample, on one link, for the waterfall and the round-trip counts.
 *
 * <p>Times are milliseconds relative to the user action. Browser requests come from CDP {@code Network.*} events;
 * app→Appwrite requests come from the app's {@code Server-Timing} (one entry per upstream call) placed inside the
 * browser request that caused them, so their start is approximate and {@code name} holds the Server-Timing name.
 *
 * @param link          which link carried it
 * @param method        HTTP method ({@code OPTIONS} for a preflight); null if unknown (Server-Timing entries)
 * @param path          URL path without query string (a query may carry tokens); or the Server-Timing name
 * @param name          the Server-Timing name for app→Appwrite calls ({@code aw-get-account}); else null
 * @param resourceType  CDP resource type ({@code Document}, {@code Script}, {@code Fetch}, {@code Preflight}, ...)
 * @param status        HTTP status; null if the request failed before a response
 * @param startMs       request start
 * @param endMs         response end (last byte); null if it never finished
 * @param bytes         bytes received (encoded, with headers); null if unknown
 * @param preflight     true for a CORS preflight
 * @param fromCache     true if served from the browser's cache (no network round trip)
 * @param cacheControl  the response's Cache-Control header, null if absent
 * @param serverTiming  the response's Server-Timing header as received (names and durations only), null if absent
 * @param criticalPath  true if the request is on the critical path to the content
 */
public record ObservedRequest(
        NetworkLink link,
        String method,
        String path,
        String name,
        String resourceType,
        Integer status,
        double startMs,
        Double endMs,
        Long bytes,
        boolean preflight,
        boolean fromCache,
        String cacheControl,
        String serverTiming,
        boolean criticalPath) {

    public ObservedRequest {
        Objects.requireNonNull(link, "\"request.link\" is missing");
        Objects.requireNonNull(path, "\"request.path\" is missing");
        if (path.contains("?")) {
            throw new IllegalArgumentException("request.path must not contain a query string (it may carry tokens): "
                    + path.substring(0, path.indexOf('?')) + "?...");
        }
    }

    /** Duration, or null if the request never finished. */
    public Double durationMs() {
        return endMs == null ? null : endMs - startMs;
    }
}
