package io.authbench.ssr.http;

import io.authbench.ssr.session.CookiePolicy;
import io.authbench.ssr.view.MessagePage;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Rejects state-changing requests (POST and friends) that another site made the browser send: login CSRF and
 * forced logout. The request's own origin is the scheme and host the browser used ({@code X-Forwarded-Proto} /
 * {@code X-Forwarded-Host} when a proxy set them, else the connection's scheme and {@code Host}), so the check also
 * holds behind the harness's TCP links and behind reverse proxies.
 *
 * <p>Rules, in order: an {@code Origin} header must equal the app's origin; without one, {@code Sec-Fetch-Site} must
 * be {@code same-origin} or {@code none}; without that, a {@code Referer} must be on the app's origin. A request with
 * none of the three is not from a browser form (browsers send Origin on every POST) and is let through, so
 * command-line clients and load generators work. The session cookie's {@code SameSite=Lax} is the second wall.
 */
public final class OriginCheckHandler implements HttpHandler {
    private static final Set<HttpString> SAFE_METHODS = Set.of(Methods.GET, Methods.HEAD, Methods.OPTIONS);
    private static final HttpString SEC_FETCH_SITE = new HttpString("Sec-Fetch-Site");
    private static final HttpString X_FORWARDED_HOST = new HttpString("X-Forwarded-Host");

    private final HttpHandler next;

    public OriginCheckHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (SAFE_METHODS.contains(exchange.getRequestMethod()) || isSameOrigin(exchange)) {
            next.handleRequest(exchange);
            return;
        }
        Responses.html(
                exchange,
                StatusCodes.FORBIDDEN,
                new MessagePage(
                                "Request refused",
                                "This form was sent from another site, so it was not accepted. Open the app and try again.")
                        .html());
    }

    static boolean isSameOrigin(HttpServerExchange exchange) {
        String self = selfOrigin(exchange);
        if (self == null) {
            return false;
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null) {
            return self.equals(normalize(origin));
        }
        String fetchSite = exchange.getRequestHeaders().getFirst(SEC_FETCH_SITE);
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String referer = exchange.getRequestHeaders().getFirst(Headers.REFERER);
        if (referer != null) {
            return self.equals(normalize(referer));
        }
        return true;
    }

    /** {@code scheme://host[:port]} as the browser addressed this app, default ports dropped. */
    private static String selfOrigin(HttpServerExchange exchange) {
        // Behind a reverse proxy that rewrites Host, X-Forwarded-Host is what the browser used. A cross-site form
        // cannot set either header, so honouring it does not weaken the check.
        String forwarded = exchange.getRequestHeaders().getFirst(X_FORWARDED_HOST);
        String host = forwarded != null && !forwarded.isBlank()
                ? forwarded.split(",", 2)[0]
                : exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null || host.isBlank()) {
            return null;
        }
        return normalize(CookiePolicy.requestScheme(exchange) + "://" + host.trim());
    }

    /** The origin part of a URL (or of an Origin header), lower-case, without a default port; null if unusable. */
    static String normalize(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null; // "null" origins (sandboxed frames, file:) never match
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
