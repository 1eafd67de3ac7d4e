package io.authbench.ssr.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Headers every response carries. The pages have no script at all, so the policy allows none; styles and images
 * come from this origin only ({@code data:} for the empty favicon that stops a /favicon.ico request).
 */
public final class SecurityHeadersHandler implements HttpHandler {
    private static final HttpString CSP = new HttpString("Content-Security-Policy");
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final HttpHandler next;

    public SecurityHeadersHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var headers = exchange.getResponseHeaders();
        headers.put(CSP, POLICY);
        headers.put(new HttpString("X-Content-Type-Options"), "nosniff");
        headers.put(new HttpString("Referrer-Policy"), "same-origin");
        headers.put(new HttpString("X-Frame-Options"), "DENY");
        next.handleRequest(exchange);
    }
}
