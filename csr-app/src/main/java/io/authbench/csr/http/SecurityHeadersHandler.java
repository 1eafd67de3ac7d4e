package io.authbench.csr.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/** Adds the security headers every response carries: the page's CSP and {@code nosniff}. */
public final class SecurityHeadersHandler implements HttpHandler {
    private static final HttpString CONTENT_SECURITY_POLICY = HttpString.tryFromString("Content-Security-Policy");
    private static final HttpString X_CONTENT_TYPE_OPTIONS = HttpString.tryFromString("X-Content-Type-Options");

    private final String contentSecurityPolicy;
    private final HttpHandler next;

    public SecurityHeadersHandler(String contentSecurityPolicy, HttpHandler next) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getResponseHeaders().put(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
        exchange.getResponseHeaders().put(X_CONTENT_TYPE_OPTIONS, "nosniff");
        next.handleRequest(exchange);
    }
}
