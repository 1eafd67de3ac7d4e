package io.authbench.csr.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * This server only serves files and never reads a request body. A request that carries one is answered as usual
 * and its connection is then closed, instead of Undertow reading (draining) the unread body to keep the connection
 * alive: an endless or stalled body then costs nothing.
 */
public final class UnwantedBodyHandler implements HttpHandler {
    private final HttpHandler next;

    public UnwantedBodyHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.getRequestContentLength() > 0
                || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
            exchange.setPersistent(false);
        }
        next.handleRequest(exchange);
    }
}
