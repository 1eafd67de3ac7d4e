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
 * @param protocol      {@code http/1.1}, {@code h2}, ...; null = not reported
 * @param newConnection true: the request waited for a connection set up for it; false: it used one already open
 *                      (kept alive, or opened ahead of time and idle: Chromium reports that as not reused, but with
 *                      no connect timing, so it cost the request nothing); null = not reported
 * @param connectMs     TCP connect time of a new connection (TLS excluded); null otherwise
 * @param tlsMs         TLS handshake time of a new connection; null otherwise (plain HTTP, reused connection)
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
        boolean connected = !reused.getAsBoolean() && connectStart >= 0 && connectEnd >= connectStart;
        if (!connected) {
            return new ConnectionUse(protocol, false, null, null, tlsVersion);
        }
        boolean tls = sslStart >= 0 && sslEnd >= sslStart;
        double connectMs = (tls ? sslStart : connectEnd) - connectStart;
        return new ConnectionUse(protocol, true, Math.max(0, connectMs), tls ? sslEnd - sslStart : null, tlsVersion);
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
