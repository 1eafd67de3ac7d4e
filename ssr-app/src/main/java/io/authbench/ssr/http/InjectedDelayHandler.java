package io.authbench.ssr.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the requests for the paths of {@code --inject-delay} wait before they are handled (see {@link InjectedDelay}).
 * Runs on a worker thread, so the wait holds a worker, as slow page code would.
 *
 * <p>Honest about itself: a delayed response carries the entry {@code injected-delay;dur=50.112;desc="--inject-delay"}
 * in its {@code Server-Timing} header (the measured wait, in milliseconds), so anyone reading the response can see
 * the time was added on purpose. The harness counts only {@code aw-*} entries as Appwrite time, so the wait shows in
 * the page's timings (time to first byte, time to content), not as time spent waiting for Appwrite.
 */
public final class InjectedDelayHandler implements HttpHandler {
    /** The {@code Server-Timing} entry name of the wait. */
    public static final String ENTRY = "injected-delay";

    private static final HttpString SERVER_TIMING = new HttpString("Server-Timing");

    private final HttpHandler next;
    private final Map<String, InjectedDelay> byPath;

    public InjectedDelayHandler(HttpHandler next, List<InjectedDelay> delays) {
        this.next = next;
        this.byPath = delays.stream().collect(Collectors.toUnmodifiableMap(InjectedDelay::path, Function.identity()));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InjectedDelay delay = byPath.get(exchange.getRequestPath());
        if (delay != null) {
            long start = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(delay.delay().toNanos());
            double waitedMs = (System.nanoTime() - start) / 1_000_000.0;
            exchange.getResponseHeaders()
                    .add(
                            SERVER_TIMING,
                            String.format(Locale.ROOT, "%s;dur=%.3f;desc=\"--inject-delay\"", ENTRY, waitedMs));
        }
        next.handleRequest(exchange);
    }
}
