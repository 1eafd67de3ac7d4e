package io.authbench.harness.browser;

import java.net.URI;
import java.util.List;

/**
 * One request/response exchange the browser had with a server, as CDP's Network domain reported it. A redirect
 * chain is several exchanges (one per hop); a CORS preflight is an exchange of its own.
 *
 * @param url            the request URL
 * @param method         HTTP method
 * @param resourceType   CDP resource type ({@code Document}, {@code Script}, {@code Fetch}, {@code Preflight}, ...)
 * @param preflight      a CORS preflight (CDP initiator type {@code preflight})
 * @param redirect       this hop answered with a redirect that the browser followed
 * @param fromCache      answered from the HTTP cache (memory or disk) without going to the network
 * @param startEpochMs   when the request was issued, epoch milliseconds
 * @param endEpochMs     when the response ended (or failed), epoch milliseconds; NaN if it never ended
 * @param status         HTTP status, 0 if none arrived
 * @param encodedBytes   bytes received on the wire, headers included
 * @param cacheControl   the response's Cache-Control header, or null
 * @param serverTiming   the response's Server-Timing entries, in order
 * @param failed         the request failed (network error, blocked)
 * @param connection     how it used its connection (protocol, new or reused, set-up times, TLS version);
 *                       {@link ConnectionUse#NOT_MEASURED} when the browser did not say
 */
public record Exchange(
        String url,
        String method,
        String resourceType,
        boolean preflight,
        boolean redirect,
        boolean fromCache,
        double startEpochMs,
        double endEpochMs,
        int status,
        long encodedBytes,
        String cacheControl,
        List<ServerTiming> serverTiming,
        boolean failed,
        ConnectionUse connection) {

    public Exchange {
        serverTiming = List.copyOf(serverTiming);
        connection = connection == null ? ConnectionUse.NOT_MEASURED : connection;
    }

    /** Without connection details (not measured). */
    public Exchange(
            String url,
            String method,
            String resourceType,
            boolean preflight,
            boolean redirect,
            boolean fromCache,
            double startEpochMs,
            double endEpochMs,
            int status,
            long encodedBytes,
            String cacheControl,
            List<ServerTiming> serverTiming,
            boolean failed) {
        this(
                url,
                method,
                resourceType,
                preflight,
                redirect,
                fromCache,
                startEpochMs,
                endEpochMs,
                status,
                encodedBytes,
                cacheControl,
                serverTiming,
                failed,
                ConnectionUse.NOT_MEASURED);
    }

    /** The port of {@link #url()}, -1 if none or unparsable. */
    public int port() {
        try {
            URI uri = URI.create(url);
            if (uri.getPort() > 0) {
                return uri.getPort();
            }
            return "http".equals(uri.getScheme()) ? 80 : "https".equals(uri.getScheme()) ? 443 : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** True once the response ended. */
    public boolean finished() {
        return !Double.isNaN(endEpochMs);
    }
}
