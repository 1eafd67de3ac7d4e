package io.authbench.ssr.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/** The two ways this app answers: an HTML page, or a 303 redirect. Both are never cached. */
public final class Responses {
    private Responses() {}

    public static void html(HttpServerExchange exchange, int status, String html) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        // Pages carry a user's data or a form: no browser or proxy may keep them.
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(html);
    }

    /** 303 See Other to a path of this app; relative, so it stays on whatever origin (or proxy) the browser used. */
    public static void seeOther(HttpServerExchange exchange, String path) {
        exchange.setStatusCode(StatusCodes.SEE_OTHER);
        exchange.getResponseHeaders().put(Headers.LOCATION, path);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.endExchange();
    }
}
