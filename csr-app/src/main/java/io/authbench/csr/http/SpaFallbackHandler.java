package io.authbench.csr.http;

import io.authbench.csr.page.Asset;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * "A very fancy 404 mapper": a browser navigation (GET/HEAD accepting HTML) that matched no file gets the
 * SPA's index.html, whose router then decides what to show for the path ({@code /login}, {@code /dashboard},
 * {@code /profile}, or "not found"). Paths under {@code /assets/} and non-HTML requests stay 404, so a
 * missing script is a visible 404 and not an HTML page parsed as JavaScript.
 */
public final class SpaFallbackHandler implements HttpHandler {
    /** index.html names the current hashed files, so browsers must revalidate it every time. */
    static final String REVALIDATE = "no-cache";

    private final Asset indexPage;
    private final HttpHandler next;

    public SpaFallbackHandler(Asset indexPage, HttpHandler next) {
        this.indexPage = indexPage;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (isPageNavigation(exchange)) {
            AssetSender.send(exchange, indexPage, REVALIDATE);
        } else {
            next.handleRequest(exchange);
        }
    }

    static boolean isPageNavigation(HttpServerExchange exchange) {
        boolean readOnly = exchange.getRequestMethod().equals(Methods.GET)
                || exchange.getRequestMethod().equals(Methods.HEAD);
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        return readOnly
                && accept != null
                && accept.contains("text/html")
                && !exchange.getRequestPath().startsWith("/assets/");
    }
}
