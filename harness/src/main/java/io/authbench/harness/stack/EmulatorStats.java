package io.authbench.harness.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authbench.harness.http.AppHttp;
import io.authbench.harness.http.ClientTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the emulator's request counters ({@code GET /_emulator/stats}, docs/CONVENTIONS.md) straight from the
 * emulator, not through a link, so reading them adds nothing to what is measured. The harness diffs two snapshots
 * to count the Appwrite calls one iteration caused.
 */
public final class EmulatorStats {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final URI statsUri;
    private final Duration timeout;

    /** @param apiBase the emulator's API base as it printed it, e.g. {@code http://127.0.0.1:41234/v1} */
    public EmulatorStats(URI apiBase, Duration timeout) {
        this(apiBase, timeout, ClientTrust.jdk());
    }

    /** As {@link #EmulatorStats(URI, Duration)} for an emulator serving HTTPS with a run's certificate. */
    public EmulatorStats(URI apiBase, Duration timeout, ClientTrust trust) {
        this.http = AppHttp.client(timeout, trust);
        String base = apiBase.toString().replaceAll("/v1/?$", "");
        this.statsUri = URI.create(base + "/_emulator/stats");
        this.timeout = timeout;
    }

    /** API calls so far (every route, preflights excluded), or -1 if the emulator did not answer. */
    public long apiCalls() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(statsUri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            return countCalls(JSON.readTree(response.body()));
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Sums {@code routes.*.count}, leaving out the emulator's own {@code /_emulator} routes. */
    static long countCalls(JsonNode stats) {
        long calls = 0;
        JsonNode routes = stats.path("routes");
        for (Iterator<Map.Entry<String, JsonNode>> it = routes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> route = it.next();
            if (!route.getKey().contains("/_emulator") && !route.getKey().startsWith("OPTIONS ")) {
                calls += route.getValue().path("count").asLong();
            }
        }
        return calls;
    }
}
