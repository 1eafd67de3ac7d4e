package io.authbench.harness.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every exchange of one page from CDP {@code Network.*} events. Playwright's own request events hide CORS
 * preflights (docs/measurement-model.md#playwright-hides-preflights), so this listens on a CDP session of its own; the
 * events are passive and cost the page nothing.
 *
 * <p>CDP timestamps are monotonic seconds; {@code requestWillBeSent.wallTime} gives the epoch offset, so exchanges
 * can be compared with the page's epoch-aligned action time. Each response also says how the request used its
 * connection ({@link ConnectionUse}).
 */
public final class NetworkLog {
    private final Map<String, Builder> open = new LinkedHashMap<>();
    private final List<Exchange> done = new ArrayList<>();
    private double epochOffsetMs = Double.NaN;

    private NetworkLog() {}

    /** Starts recording on {@code cdp} (enables the Network domain). */
    public static NetworkLog attach(CDPSession cdp) {
        NetworkLog log = new NetworkLog();
        cdp.on("Network.requestWillBeSent", log::onRequest);
        cdp.on("Network.requestServedFromCache", e -> log.onServedFromCache(e));
        cdp.on("Network.responseReceived", log::onResponse);
        cdp.on("Network.loadingFinished", log::onFinished);
        cdp.on("Network.loadingFailed", log::onFailed);
        cdp.send("Network.enable");
        return log;
    }

    /** Every exchange seen so far: finished ones first in completion order, then the ones still open. */
    public synchronized List<Exchange> exchanges() {
        List<Exchange> all = new ArrayList<>(done);
        for (Builder b : open.values()) {
            all.add(b.build(Double.NaN));
        }
        return all;
    }

    private synchronized void onRequest(JsonObject e) {
        String id = string(e, "requestId");
        double timestampMs = e.get("timestamp").getAsDouble() * 1000;
        if (Double.isNaN(epochOffsetMs) && e.has("wallTime")) {
            epochOffsetMs = e.get("wallTime").getAsDouble() * 1000 - timestampMs;
        }
        JsonObject redirect = e.has("redirectResponse") ? e.getAsJsonObject("redirectResponse") : null;
        Builder previous = open.remove(id);
        if (previous != null && redirect != null) {
            previous.response(redirect);
            previous.redirect = true;
            previous.bytes = number(redirect, "encodedDataLength");
            done.add(previous.build(epoch(timestampMs)));
        } else if (previous != null) {
            done.add(previous.build(epoch(timestampMs)));
        }
        JsonObject request = e.getAsJsonObject("request");
        Builder b = new Builder();
        b.url = string(request, "url");
        b.method = string(request, "method");
        JsonObject initiator = e.has("initiator") ? e.getAsJsonObject("initiator") : null;
        b.preflight = initiator != null && "preflight".equals(string(initiator, "type"));
        b.resourceType = b.preflight ? "Preflight" : string(e, "type");
        b.start = epoch(timestampMs);
        open.put(id, b);
    }

    private synchronized void onServedFromCache(JsonObject e) {
        Builder b = open.get(string(e, "requestId"));
        if (b != null) {
            b.fromCache = true;
        }
    }

    private synchronized void onResponse(JsonObject e) {
        Builder b = open.get(string(e, "requestId"));
        if (b == null) {
            return;
        }
        JsonObject response = e.getAsJsonObject("response");
        b.response(response);
        if (response.has("fromDiskCache") && response.get("fromDiskCache").getAsBoolean()) {
            b.fromCache = true;
        }
        b.responseAt = epoch(e.get("timestamp").getAsDouble() * 1000);
    }

    private synchronized void onFinished(JsonObject e) {
        Builder b = open.remove(string(e, "requestId"));
        if (b == null) {
            return;
        }
        b.bytes = number(e, "encodedDataLength");
        done.add(b.build(epoch(e.get("timestamp").getAsDouble() * 1000)));
    }

    private synchronized void onFailed(JsonObject e) {
        Builder b = open.remove(string(e, "requestId"));
        if (b == null) {
            return;
        }
        // A preflight's "failure" after a good response is how Chromium ends some of them; keep the response.
        b.failed = b.status == 0;
        done.add(b.build(epoch(e.get("timestamp").getAsDouble() * 1000)));
    }

    private double epoch(double monotonicMs) {
        return Double.isNaN(epochOffsetMs) ? monotonicMs : monotonicMs + epochOffsetMs;
    }

    private static String string(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null || v.isJsonNull() ? "" : v.getAsString();
    }

    private static long number(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null || v.isJsonNull() ? 0 : (long) v.getAsDouble();
    }

    /** Header lookup ignoring case; CDP joins repeated headers with newlines. */
    static String header(JsonObject headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, JsonElement> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue().getAsString();
            }
        }
        return null;
    }

    private static final class Builder {
        String url = "";
        String method = "";
        String resourceType = "";
        boolean preflight;
        boolean redirect;
        boolean fromCache;
        boolean failed;
        double start;
        double responseAt = Double.NaN;
        int status;
        long bytes;
        String cacheControl;
        List<ServerTiming> serverTiming = List.of();
        ConnectionUse connection = ConnectionUse.NOT_MEASURED;

        void response(JsonObject response) {
            connection = ConnectionUse.of(response);
            status = response.has("status") ? response.get("status").getAsInt() : 0;
            JsonObject headers = response.has("headers") ? response.getAsJsonObject("headers") : null;
            cacheControl = header(headers, "cache-control");
            serverTiming = ServerTiming.parse(header(headers, "server-timing"));
        }

        Exchange build(double end) {
            double finish = Double.isNaN(end) ? responseAt : end;
            return new Exchange(
                    url,
                    method,
                    resourceType,
                    preflight,
                    redirect,
                    fromCache,
                    start,
                    finish,
                    status,
                    bytes,
                    cacheControl,
                    serverTiming,
                    failed,
                    fromCache ? ConnectionUse.NOT_MEASURED : connection);
        }
    }
}
