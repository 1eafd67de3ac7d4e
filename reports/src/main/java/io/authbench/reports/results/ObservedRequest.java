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
 * @param protocol      the application protocol the browser spoke ({@code http/1.1}, {@code h2}, {@code h3}); null =
 *                      not measured (Server-Timing entries, cache hits, files written before the field existed)
 * @param newConnection true: the browser reported the connection as set up for this request (TCP connect, and the
 *                      TLS handshake on https); false: reported as reused (kept alive, a later HTTP/2 stream; Chromium
 *                      also reports an HTTP/1.1 connection it opened just ahead of a navigation so); null = not
 *                      measured
 * @param connectMs     for a new connection, the TCP connect as the browser timed it (the TLS handshake excluded);
 *                      null otherwise, when not measured, or when the browser opened the connection ahead of the
 *                      request and gave no timing
 * @param tlsMs         for a new https connection, the TLS handshake as the browser timed it; null otherwise or when
 *                      not measured
 * @param tlsVersion    the TLS version of the connection the request used ({@code TLS 1.3}), on new and reused
 *                      connections alike; null for plain HTTP or when not measured
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
        boolean criticalPath,
        String protocol,
        Boolean newConnection,
        Double connectMs,
        Double tlsMs,
        String tlsVersion) {

    public ObservedRequest {
        Objects.requireNonNull(link, "\"request.link\" is missing");
        Objects.requireNonNull(path, "\"request.path\" is missing");
        if (path.contains("?")) {
            throw new IllegalArgumentException("request.path must not contain a query string (it may carry tokens): "
                    + path.substring(0, path.indexOf('?')) + "?...");
        }
        if (!Boolean.TRUE.equals(newConnection) && (connectMs != null || tlsMs != null)) {
            throw new IllegalArgumentException("request " + path + ": connectMs and tlsMs belong to a new connection"
                    + " (newConnection true), got newConnection " + newConnection);
        }
    }

    /** Without connection details: nothing about the connection was measured. */
    public ObservedRequest(
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
        this(
                link,
                method,
                path,
                name,
                resourceType,
                status,
                startMs,
                endMs,
                bytes,
                preflight,
                fromCache,
                cacheControl,
                serverTiming,
                criticalPath,
                null,
                null,
                null,
                null,
                null);
    }

    /** True when the browser reported how this request used its connection. */
    public boolean connectionMeasured() {
        return newConnection != null;
    }

    /** True when this request waited for a TLS handshake on a new connection. */
    public boolean tlsHandshake() {
        return Boolean.TRUE.equals(newConnection) && tlsVersion != null;
    }

    /** Duration, or null if the request never finished. */
    public Double durationMs() {
        return endMs == null ? null : endMs - startMs;
    }
}
