package io.authbench.ssr.http;

import io.authbench.ssr.appwrite.UpstreamTimings;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;

/**
 * Gives each request an {@link UpstreamTimings} and, when the response is committed, writes the Appwrite calls it
 * made as a {@code Server-Timing} header, so the harness can attribute time to the app→Appwrite hop.
 */
public final class ServerTimingHandler implements HttpHandler {
    private static final AttachmentKey<UpstreamTimings> TIMINGS = AttachmentKey.create(UpstreamTimings.class);
    private static final HttpString SERVER_TIMING = new HttpString("Server-Timing");

    private final HttpHandler next;

    public ServerTimingHandler(HttpHandler next) {
        this.next = next;
    }

    /** The timings of the current request; routes pass them to every Appwrite call. */
    public static UpstreamTimings timings(HttpServerExchange exchange) {
        UpstreamTimings timings = exchange.getAttachment(TIMINGS);
        if (timings == null) {
            throw new IllegalStateException("ServerTimingHandler is not in the handler chain before this route.");
        }
        return timings;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        UpstreamTimings timings = new UpstreamTimings();
        exchange.putAttachment(TIMINGS, timings);
        // add, not put: an --inject-delay entry may already be there (InjectedDelayHandler), and both belong in it.
        exchange.addResponseCommitListener(committed -> timings.headerValue()
                .ifPresent(value -> committed.getResponseHeaders().add(SERVER_TIMING, value)));
        next.handleRequest(exchange);
    }
}
