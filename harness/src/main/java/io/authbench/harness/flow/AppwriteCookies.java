package io.authbench.harness.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Appwrite's session cookies as a browser keeps them after a CSR sign-in (docs/appwrite-behaviour.md#cookies): Appwrite
 * sets {@code a_session_<project>} (SameSite=None) and {@code a_session_<project>_legacy} (no SameSite), both HttpOnly,
 * Path=/, with the URL-encoded session, {@code Secure} only over https and {@code Domain=.<host>} except for localhost
 * and IP hosts. Over http browsers drop the SameSite=None one (it lacks Secure), so only the legacy cookie is sent;
 * over https both are kept and the SameSite=None one is what a cross-site page (an app on another host than Appwrite
 * Cloud) sends with its fetches.
 */
final class AppwriteCookies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppwriteCookies() {}

    /**
     * A context init script that leaves in the app's {@code localStorage} what the Web SDK stores after a sign-in on
     * which Appwrite sent {@code X-Fallback-Cookies} (docs/appwrite-behaviour.md#x-fallback-cookies): the key
     * {@code cookieFallback} holding {@code {"a_session_<project>":"<session>"}}, the header's value. Only on the app's
     * origin and only while the key is absent, so a logout's {@code []} is not put back on the next page.
     *
     * @param appOrigin the app's origin as the browser reaches it, e.g. {@code https://app.example.com:40001}
     */
    static String fallbackScript(String projectId, String appOrigin, IssuedSession session) {
        String name = ("a_session_" + projectId).toLowerCase(Locale.ROOT);
        try {
            String value = JSON.writeValueAsString(Map.of(name, session.value()));
            return "(() => { try { if (location.origin === " + JSON.writeValueAsString(appOrigin)
                    + " && window.localStorage.getItem('cookieFallback') === null) {"
                    + " window.localStorage.setItem('cookieFallback', " + JSON.writeValueAsString(value) + "); } }"
                    + " catch (e) { /* storage blocked: the session check shows it */ } })();";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialise", e);
        }
    }

    /** The cookie the browser sends to an Appwrite reached at {@code appwrite}, and the correctness check expects. */
    static String sentCookieName(String projectId, URI appwrite) {
        String base = ("a_session_" + projectId).toLowerCase(Locale.ROOT);
        return isHttps(appwrite) ? base : base + "_legacy";
    }

    /** The cookies Appwrite's Set-Cookie would leave in the browser for {@code session}. */
    static List<Cookie> forSession(String projectId, URI appwrite, IssuedSession session) {
        String base = ("a_session_" + projectId).toLowerCase(Locale.ROOT);
        String value = URLEncoder.encode(session.value(), StandardCharsets.UTF_8);
        List<Cookie> cookies = new ArrayList<>();
        cookies.add(place(new Cookie(base + "_legacy", value), appwrite));
        if (isHttps(appwrite)) {
            cookies.add(place(new Cookie(base, value), appwrite).setSameSite(SameSiteAttribute.NONE));
        }
        for (Cookie cookie : cookies) {
            cookie.setHttpOnly(true)
                    .setSecure(isHttps(appwrite))
                    .setExpires(session.expire().getEpochSecond());
        }
        return cookies;
    }

    static boolean isHttps(URI appwrite) {
        return "https".equalsIgnoreCase(appwrite.getScheme());
    }

    /** Host-only for localhost and IP addresses (Appwrite sends no Domain there), else Domain=.<host>, Path=/. */
    private static Cookie place(Cookie cookie, URI appwrite) {
        String host = appwrite.getHost();
        if (host == null || host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":")) {
            return cookie.setUrl(appwrite.getScheme() + "://" + appwrite.getRawAuthority() + "/");
        }
        return cookie.setDomain("." + host).setPath("/");
    }
}
