package io.authbench.ssr.session;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.Locale;

/** When the session cookie carries the {@code Secure} attribute ({@code --secure-cookies}). */
public enum CookiePolicy {
    /** Secure when the browser reached the app over https: directly, or through a proxy saying X-Forwarded-Proto: https. */
    AUTO,
    /** Always Secure (browsers still accept it on http://localhost, a potentially trustworthy origin). */
    ALWAYS,
    /** Never Secure (plain-http deployments on a non-localhost name). */
    NEVER;

    private static final HttpString X_FORWARDED_PROTO = new HttpString("X-Forwarded-Proto");

    public boolean secure(HttpServerExchange exchange) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> "https".equals(requestScheme(exchange));
        };
    }

    /** The scheme the browser used: the first X-Forwarded-Proto value if a proxy set one, else the connection's. */
    public static String requestScheme(HttpServerExchange exchange) {
        String forwarded = exchange.getRequestHeaders().getFirst(X_FORWARDED_PROTO);
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
        }
        return exchange.getRequestScheme().toLowerCase(Locale.ROOT);
    }
}
