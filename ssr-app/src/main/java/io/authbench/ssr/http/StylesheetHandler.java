package io.authbench.ssr.http;

import io.authbench.ssr.view.Stylesheet;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;

/**
 * Serves the shared stylesheet. Pages link it with its content version, so it may be cached for a year; an
 * unversioned or revalidating request still gets an ETag answer.
 */
public final class StylesheetHandler implements HttpHandler {
    private static final String ETAG = "\"" + Stylesheet.VERSION + "\"";

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.CACHE_CONTROL, "public, max-age=31536000, immutable");
        headers.put(Headers.ETAG, ETAG);
        if (ETAG.equals(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH))) {
            exchange.setStatusCode(StatusCodes.NOT_MODIFIED);
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_TYPE, "text/css; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap(Stylesheet.BYTES));
    }
}
