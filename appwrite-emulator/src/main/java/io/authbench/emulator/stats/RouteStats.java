package io.authbench.emulator.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import io.authbench.emulator.model.Dates;
import io.authbench.emulator.model.ModelJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and cumulative server time per route pattern since start, for {@code GET /_emulator/stats}
 * (not part of Appwrite; docs/CONVENTIONS.md). Holds route patterns and numbers only: no ids, no user data, no secrets.
 */
public final class RouteStats {
    private static final class Counter {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    private final Instant startedAt = Instant.now();
    private final LongAdder requests = new LongAdder();
    private final LongAdder preflights = new LongAdder();
    private final Map<String, Counter> routes = new ConcurrentHashMap<>();

    /** Records one API request, keyed {@code METHOD /route/pattern}, e.g. {@code DELETE /v1/account/sessions/:sessionId}. */
    public void record(String routeKey, long serverNanos) {
        Counter counter = routes.computeIfAbsent(routeKey, k -> new Counter());
        counter.count.increment();
        counter.nanos.add(serverNanos);
        requests.increment();
    }

    public void recordPreflight() {
        preflights.increment();
    }

    public byte[] toJson() {
        Map<String, Counter> sorted = new TreeMap<>(routes);
        return ModelJson.toBytes(json -> {
            json.writeStartObject();
            json.writeStringField("startedAt", Dates.format(startedAt));
            json.writeNumberField("requests", requests.sum());
            json.writeObjectFieldStart("routes");
            for (Map.Entry<String, Counter> route : sorted.entrySet()) {
                writeRoute(json, route.getKey(), route.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("preflights", preflights.sum());
            json.writeEndObject();
        });
    }

    private static void writeRoute(JsonGenerator json, String key, Counter counter) throws IOException {
        json.writeObjectFieldStart(key);
        json.writeNumberField("count", counter.count.sum());
        json.writeNumberField("serverTimeNanos", counter.nanos.sum());
        json.writeEndObject();
    }
}
