package io.authbench.harness.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * How one exchange used its connection, from the CDP response's {@code protocol}, {@code connectionReused},
 * {@code timing} and {@code securityDetails}. Chromium times a new connection inside the request that waited for it:
 * {@code connectStart}..{@code connectEnd} spans the TCP connect and the TLS handshake, {@code sslStart}..
 * {@code sslEnd} the handshake alone, all -1 when the request did not wait for a connection. On an HTTP/2 connection
 * only its first stream carries the set-up; the streams after it count as reused.
 *
 * <p>What this cannot see: Chromium may open an HTTP/1.1 connection a moment before a navigation needs it (its
 * preconnect at navigation start) and then reports the navigation's first use of that idle connection as reused,
 * with no connect timing, exactly like a kept-alive connection. Such a request is recorded as reused (what Chromium
 * said), so on plain HTTP a navigation's set-up can be missing from the counts; on HTTPS with HTTP/2 the first
 * stream of a connection is always reported as not reused, with its set-up. A first use reported as not reused but
 * without connect timing counts as new, without set-up times.
 *
 * @param protocol      {@code http/1.1}, {@code h2}, ...; null = not reported
 * @param newConnection true: Chromium reported the connection as not reused (the request's connection was set up
 *                      for it); false: reported as reused (kept alive, a later HTTP/2 stream, or an idle preconnected
 *                      HTTP/1.1 connection, see above); null = not reported
 * @param connectMs     TCP connect time of a new connection (TLS excluded); null otherwise, and when Chromium opened
 *                      the connection before the request and gave no timing
 * @param tlsMs         TLS handshake time of a new connection; null otherwise (plain HTTP, reused connection, no
 *                      timing)
 * @param tlsVersion    the connection's TLS version ({@code TLS 1.3}); null for plain HTTP or not reported
 */
public record ConnectionUse(String protocol, Boolean newConnection, Double connectMs, Double tlsMs, String tlsVersion) {

    /** Nothing reported: a cache hit, a request without a response, or a browser that does not say. */
    public static final ConnectionUse NOT_MEASURED = new ConnectionUse(null, null, null, null, null);

    /** From a CDP {@code Network.Response} object (also a redirect's {@code redirectResponse}). */
    static ConnectionUse of(JsonObject response) {
        String protocol = text(response, "protocol");
        String tlsVersion = response.has("securityDetails")
                        && response.get("securityDetails").isJsonObject()
                ? text(response.getAsJsonObject("securityDetails"), "protocol")
                : null;
        JsonObject timing = response.has("timing") && response.get("timing").isJsonObject()
                ? response.getAsJsonObject("timing")
                : null;
        JsonElement reused = response.get("connectionReused");
        if (timing == null || reused == null || reused.isJsonNull()) {
            // Without timing the browser did not say whether it connected: not measured, not "reused".
            return new ConnectionUse(protocol, null, null, null, tlsVersion);
        }
        double connectStart = number(timing, "connectStart");
        double connectEnd = number(timing, "connectEnd");
        double sslStart = number(timing, "sslStart");
        double sslEnd = number(timing, "sslEnd");
        if (reused.getAsBoolean()) {
            return new ConnectionUse(protocol, false, null, null, tlsVersion);
        }
        boolean timed = connectStart >= 0 && connectEnd >= connectStart;
        boolean tls = timed && sslStart >= 0 && sslEnd >= sslStart;
        Double connectMs = timed ? Math.max(0, (tls ? sslStart : connectEnd) - connectStart) : null;
        return new ConnectionUse(protocol, true, connectMs, tls ? sslEnd - sslStart : null, tlsVersion);
    }

    private static String text(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null || v.isJsonNull() || v.getAsString().isEmpty() ? null : v.getAsString();
    }

    private static double number(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null || v.isJsonNull() ? -1 : v.getAsDouble();
    }
}
