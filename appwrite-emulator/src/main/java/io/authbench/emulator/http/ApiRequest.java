package io.authbench.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** One API request as the routes see it: headers, cookies, client address, path and body parameters. */
public final class ApiRequest {
    /** An IPv4 or IPv6 literal (checked by shape only: never a name lookup). */
    private static final Pattern IP_LITERAL = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final HttpServerExchange exchange;
    private final Map<String, String> pathParams;
    private final List<String> trustedIpHeaders;
    private ObjectNode params = JsonNodeFactory.instance.objectNode();
    private Map<String, String> cookies;

    /**
     * @param trustedIpHeaders header names whose first address is taken as the client's IP, in order (Appwrite's
     *        {@code _APP_TRUSTED_HEADERS}); empty: only the connection's peer address counts
     */
    public ApiRequest(HttpServerExchange exchange, Map<String, String> pathParams, List<String> trustedIpHeaders) {
        this.exchange = exchange;
        this.pathParams = pathParams;
        this.trustedIpHeaders = trustedIpHeaders;
    }

    /** Sets the body (or query) parameters once they have been read. */
    public void useParams(ObjectNode parsed) {
        this.params = parsed;
    }

    public String method() {
        return exchange.getRequestMethod().toString();
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public String headerOrEmpty(String name) {
        String value = header(name);
        return value == null ? "" : value;
    }

    public String pathParam(String name) {
        return pathParams.getOrDefault(name, "");
    }

    /** A body (or, for GET, query) parameter; {@code null} when absent or JSON {@code null}. */
    public JsonNode param(String name) {
        JsonNode node = params.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** The API's own host name as the client addressed it ({@code X-Forwarded-Host}, else {@code Host}), no port. */
    public String hostname() {
        String host = header("X-Forwarded-Host");
        if (host == null || host.isBlank()) {
            host = exchange.getHostName();
        }
        return stripPort(host.strip()).toLowerCase(Locale.ROOT);
    }

    static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
    }

    /** What a proxy says in {@code X-Forwarded-Proto}, else the connection's own scheme (as Appwrite does). */
    public String protocol() {
        String forwarded = header("X-Forwarded-Proto");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.strip().equalsIgnoreCase("https") ? "https" : "http";
        }
        // No proxy said otherwise: the connection's own scheme, https when the emulator ends TLS itself
        // (--tls-cert); otherwise a session cookie with samesite=None would lack "secure" and be dropped.
        return exchange.getRequestScheme().equalsIgnoreCase("https") ? "https" : "http";
    }

    /** The first {@code X-Forwarded-For} entry, else the socket's peer address. */
    public String clientIp() {
        // As Appwrite's Request::getIP: the first trusted header whose first entry is an IP address wins, else the
        // peer. Any client can send these headers, so rate limits keyed by IP trust them exactly as far as Appwrite.
        for (String name : trustedIpHeaders) {
            String value = header(name);
            if (value != null && !value.isBlank()) {
                int comma = value.indexOf(',');
                String first = (comma >= 0 ? value.substring(0, comma) : value).strip();
                if (IP_LITERAL.matcher(first).matches()) {
                    return first;
                }
            }
        }
        InetSocketAddress peer = exchange.getSourceAddress();
        return peer == null || peer.getAddress() == null
                ? ""
                : peer.getAddress().getHostAddress();
    }

    /** A cookie by (case-insensitive) name, URL-decoded as PHP decodes cookies; {@code null} if absent. */
    public String cookie(String lowerCaseName) {
        if (cookies == null) {
            cookies = parseCookies(exchange.getRequestHeaders().get("Cookie"));
        }
        return cookies.get(lowerCaseName);
    }

    private static Map<String, String> parseCookies(HeaderValues headers) {
        Map<String, String> parsed = new HashMap<>();
        if (headers == null) {
            return parsed;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String raw = pair.substring(eq + 1).strip();
                String value;
                try {
                    value = URLDecoder.decode(raw, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    value = raw;
                }
                parsed.putIfAbsent(name, value);
            }
        }
        return parsed;
    }
}
