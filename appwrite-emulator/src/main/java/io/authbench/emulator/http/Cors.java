package io.authbench.emulator.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.List;

/**
 * CORS exactly as Appwrite 1.6 answers it (docs/appwrite-behaviour.md#cors): preflights echo any origin; actual
 * responses echo only allowed platform hosts and otherwise name {@code <scheme>://localhost}, which makes the browser
 * refuse the response. No {@code Access-Control-Max-Age} and no {@code Vary: Origin}, as in Appwrite.
 */
public final class Cors {
    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String BASE_ALLOW_HEADERS = "Origin, Cookie, Set-Cookie, X-Requested-With, Content-Type, "
            + "Access-Control-Allow-Origin, Access-Control-Request-Headers, Accept, X-Appwrite-Project, X-Appwrite-Key, "
            + "X-Appwrite-Locale, X-Appwrite-Mode, X-Appwrite-JWT, X-Appwrite-Response-Format, X-Appwrite-Timeout, "
            + "X-SDK-Version, X-SDK-Name, X-SDK-Language, X-SDK-Platform, X-SDK-GraphQL, X-Appwrite-ID, "
            + "X-Appwrite-Timestamp, Content-Range, Range, Cache-Control, Expires, Pragma";
    /** The preflight list adds the two session headers (the list on actual responses lacks them: a harmless quirk). */
    static final String PREFLIGHT_ALLOW_HEADERS =
            BASE_ALLOW_HEADERS + ", X-Appwrite-Session, X-Fallback-Cookies, X-Forwarded-For, X-Forwarded-User-Agent";

    static final String ACTUAL_ALLOW_HEADERS = BASE_ALLOW_HEADERS + ", X-Forwarded-For, X-Forwarded-User-Agent";
    static final String EXPOSE_HEADERS = "X-Appwrite-Session, X-Fallback-Cookies";

    private static final HttpString ALLOW_METHODS_HEADER = HttpString.tryFromString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS_HEADER = HttpString.tryFromString("Access-Control-Allow-Headers");
    private static final HttpString EXPOSE_HEADERS_HEADER = HttpString.tryFromString("Access-Control-Expose-Headers");
    private static final HttpString ALLOW_ORIGIN_HEADER = HttpString.tryFromString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_CREDENTIALS_HEADER =
            HttpString.tryFromString("Access-Control-Allow-Credentials");
    private static final HttpString NOSNIFF_HEADER = HttpString.tryFromString("X-Content-Type-Options");

    private Cors() {}

    public static void preflight(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(ALLOW_METHODS_HEADER, ALLOW_METHODS);
        headers.put(ALLOW_HEADERS_HEADER, PREFLIGHT_ALLOW_HEADERS);
        headers.put(EXPOSE_HEADERS_HEADER, EXPOSE_HEADERS);
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            headers.put(ALLOW_ORIGIN_HEADER, origin);
        }
        headers.put(ALLOW_CREDENTIALS_HEADER, "true");
    }

    public static void actual(HttpServerExchange exchange, ApiRequest request, Origin origin, List<String> platforms) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(ALLOW_METHODS_HEADER, ALLOW_METHODS);
        headers.put(ALLOW_HEADERS_HEADER, ACTUAL_ALLOW_HEADERS);
        headers.put(EXPOSE_HEADERS_HEADER, EXPOSE_HEADERS);
        headers.put(ALLOW_ORIGIN_HEADER, allowOrigin(request, origin, platforms));
        headers.put(ALLOW_CREDENTIALS_HEADER, "true");
        headers.put(NOSNIFF_HEADER, "nosniff");
    }

    private static String allowOrigin(ApiRequest request, Origin origin, List<String> platforms) {
        String scheme = origin.scheme().isEmpty() ? request.protocol() : origin.scheme();
        if (origin.isPresent() && isAllowedHost(origin.host(), request.hostname(), platforms)) {
            return scheme + "://" + origin.host() + (origin.port() >= 0 ? ":" + origin.port() : "");
        }
        return scheme + "://localhost";
    }

    /**
     * Appwrite's client hosts: the project's web platforms, the console's {@code localhost} and the API's own host
     * name. Matching ignores scheme and port; {@code *} allows every host, {@code *.example.com} its subdomains only.
     */
    public static boolean isAllowedHost(String host, String apiHostname, List<String> platforms) {
        if (host.equals("localhost") || host.equals(apiHostname)) {
            return true;
        }
        for (String platform : platforms) {
            if (platform.equals("*") || platform.equals(host)) {
                return true;
            }
            if (platform.startsWith("*.") && host.endsWith(platform.substring(1))) {
                return true;
            }
        }
        return false;
    }
}
