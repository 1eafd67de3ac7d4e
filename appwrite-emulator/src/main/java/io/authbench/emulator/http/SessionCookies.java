package io.authbench.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authbench.emulator.auth.Project;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two session cookies and the {@code X-Fallback-Cookies} header (docs/appwrite-behaviour.md#cookies,
 * docs/appwrite-behaviour.md#x-fallback-cookies), in Swoole's serialisation: {@code name=<urlencoded>; expires=Fri,
 * 27-Nov-2026 06:49:00 GMT; path=/; domain=.host; secure; httponly; samesite=None}.
 */
public final class SessionCookies {
    private static final DateTimeFormatter COOKIE_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd-MMM-yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionCookies() {}

    /** Both Set-Cookie values for a new session whose client value is {@code encodedSession}. */
    public static List<String> forNewSession(
            Project project, ApiRequest request, String encodedSession, Instant expire) {
        String value = URLEncoder.encode(encodedSession, StandardCharsets.UTF_8);
        String expires = COOKIE_DATE.format(expire);
        return List.of(
                cookie(project.legacyCookieName(), value, expires, request, false),
                cookie(project.cookieName(), value, expires, request, true));
    }

    /** Both Set-Cookie values that make the browser forget the session (PHP's deletion form). */
    public static List<String> cleared(Project project, ApiRequest request) {
        String expires = "Thu, 01-Jan-1970 00:00:01 GMT";
        return List.of(
                cookie(project.legacyCookieName(), "deleted", expires + "; max-age=0", request, false),
                cookie(project.cookieName(), "deleted", expires + "; max-age=0", request, true));
    }

    private static String cookie(String name, String value, String expires, ApiRequest request, boolean sameSiteNone) {
        StringBuilder cookie = new StringBuilder(512)
                .append(name)
                .append('=')
                .append(value)
                .append("; expires=")
                .append(expires)
                .append("; path=/");
        String domain = cookieDomain(request.hostname());
        if (domain != null) {
            cookie.append("; domain=").append(domain);
        }
        if (request.protocol().equals("https")) {
            cookie.append("; secure");
        }
        cookie.append("; httponly");
        if (sameSiteNone) {
            cookie.append("; samesite=None");
        }
        return cookie.toString();
    }

    /** No Domain attribute for localhost and IP literals (host-only cookies), else {@code .<api host>}. */
    static String cookieDomain(String apiHostname) {
        if (apiHostname.equals("localhost")
                || apiHostname.startsWith("[")
                || IPV4.matcher(apiHostname).matches()
                || apiHostname.isEmpty()) {
            return null;
        }
        return "." + apiHostname;
    }

    /** {@code X-Fallback-Cookies} value for a new session: {@code {"a_session_<pid>":"<value>"}}. */
    public static String fallbackFor(Project project, String encodedSession) {
        try {
            return JSON.writeValueAsString(Map.of(project.cookieName(), encodedSession));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a one-entry string map always serialises", e);
        }
    }

    /** {@code X-Fallback-Cookies} after logout. */
    public static final String FALLBACK_CLEARED = "[]";

    /**
     * Appwrite's {@code domainVerification}: true only when the API host and the origin host share a registrable
     * domain. localhost, IP literals, single-label names, {@code .test}/{@code .localhost} names and a missing origin
     * have none, so the fallback header is sent. The registrable domain is approximated as the last two labels (no
     * Public Suffix List): exact for {@code .com}-style names, which is all a loopback benchmark meets.
     */
    public static boolean domainVerified(ApiRequest request) {
        return domainVerified(request.hostname(), Origin.of(request).host());
    }

    static boolean domainVerified(String apiHostname, String originHost) {
        String api = registrable(apiHostname);
        return !api.isEmpty() && api.equals(registrable(originHost));
    }

    private static String registrable(String host) {
        if (host.isEmpty() || host.startsWith("[") || IPV4.matcher(host).matches()) {
            return "";
        }
        String[] labels = host.split("\\.");
        if (labels.length < 2) {
            return "";
        }
        String tld = labels[labels.length - 1];
        if (tld.equals("localhost")
                || tld.equals("test")
                || tld.equals("local")
                || tld.equals("invalid")
                || tld.equals("example")
                || !tld.chars().allMatch(Character::isLetter)) {
            return "";
        }
        return labels[labels.length - 2] + "." + tld;
    }
}
