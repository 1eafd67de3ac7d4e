package io.authbench.ssr.session;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The app's own session cookie, {@code authbench_session}: its value is the Appwrite session secret verbatim (base64,
 * a valid cookie value as is). HttpOnly so page scripts cannot read it, {@code SameSite=Lax} so it is not sent on
 * cross-site POSTs, {@code Path=/}, {@code Expires} = the session's expiry, and Secure per {@link CookiePolicy}.
 *
 * <p>Not {@code a_session_<project>}: on the shared host name {@code localhost} that would collide with the
 * emulator's own cookie (docs/CONVENTIONS.md).
 *
 * <p>Written and read by hand rather than through Undertow's cookie API, which by default cuts values at '=' and
 * could quote them; the format here is exactly RFC 6265's.
 */
public final class SessionCookie {
    public static final String NAME = "authbench_session";

    // Base64 with padding: the cookie-octets Appwrite's secret is made of. Anything else is not our cookie.
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final int MAX_VALUE_LENGTH = 2048;
    private static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";

    private final CookiePolicy policy;

    public SessionCookie(CookiePolicy policy) {
        this.policy = policy;
    }

    /** What the request's Cookie header says about the session. */
    public sealed interface Presence permits Absent, Malformed, Present {}

    /** No session cookie at all. */
    public record Absent() implements Presence {}

    /** A cookie by our name whose value cannot be an Appwrite session secret. */
    public record Malformed() implements Presence {}

    /** A well-formed session secret (it may still be expired or unknown to Appwrite). */
    public record Present(String secret) implements Presence {
        @Override
        public String toString() {
            return "Present[secret=(redacted)]";
        }
    }

    public Presence read(HttpServerExchange exchange) {
        var headers = exchange.getRequestHeaders().get(Headers.COOKIE);
        if (headers == null) {
            return new Absent();
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 0 || !pair.substring(0, equals).trim().equals(NAME)) {
                    continue;
                }
                String value = pair.substring(equals + 1).trim();
                boolean wellFormed = value.length() <= MAX_VALUE_LENGTH
                        && VALUE.matcher(value).matches();
                return wellFormed ? new Present(value) : new Malformed();
            }
        }
        return new Absent();
    }

    /** Sets the cookie to a new session's secret, expiring with the session. */
    public void set(HttpServerExchange exchange, String secret, OffsetDateTime expire) {
        if (!VALUE.matcher(secret).matches()) {
            throw new IllegalArgumentException("A session secret must be base64 to be a cookie value.");
        }
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(expire.atZoneSameInstant(ZoneOffset.UTC));
        exchange.getResponseHeaders().add(Headers.SET_COOKIE, NAME + "=" + secret + attributes(exchange, expires));
    }

    /** Tells the browser to drop the cookie. */
    public void clear(HttpServerExchange exchange) {
        exchange.getResponseHeaders().add(Headers.SET_COOKIE, NAME + "=" + attributes(exchange, EPOCH) + "; Max-Age=0");
    }

    private String attributes(HttpServerExchange exchange, String expires) {
        return "; Path=/; Expires=" + expires + "; HttpOnly; SameSite=Lax"
                + (policy.secure(exchange) ? "; Secure" : "");
    }
}
