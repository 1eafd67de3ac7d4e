package io.authbench.harness.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;

/**
 * CSR's session check where Appwrite's session reaches the page only through {@code X-Fallback-Cookies}: Appwrite on
 * another site than the app ({@code --sites=cross}), where Chromium does not keep Appwrite's third-party cookie. The
 * Web SDK keeps the header's value in {@code localStorage.cookieFallback} (docs/appwrite-behaviour.md#x-fallback-cookies):
 * after a sign-in {@code {"a_session_<project>":"<session>"}}, after a logout {@code []}. Pure: the caller reads the
 * value from the page.
 */
public final class FallbackCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FallbackCheck() {}

    /**
     * @param stored         {@code localStorage.cookieFallback} as read from the page; null = absent
     * @param expectSignedIn after signing in (true) or after the session ended (false)
     */
    public static CookieCheck.Result check(String stored, String projectId, boolean expectSignedIn) {
        String name = ("a_session_" + projectId).toLowerCase(Locale.ROOT);
        boolean holdsSession = holdsSession(stored, name);
        String seen =
                "localStorage.cookieFallback: " + (stored == null ? "absent" : holdsSession ? name : "no session");
        if (expectSignedIn && !holdsSession) {
            return new CookieCheck.Result(
                    Optional.of("no session in localStorage.cookieFallback after signing in (Appwrite on another site:"
                            + " the fallback is the only place the Web SDK keeps it)"),
                    seen);
        }
        if (!expectSignedIn && holdsSession) {
            return new CookieCheck.Result(
                    Optional.of("localStorage.cookieFallback still holds " + name + " after the session ended"), seen);
        }
        return new CookieCheck.Result(Optional.empty(), seen);
    }

    private static boolean holdsSession(String stored, String name) {
        if (stored == null) {
            return false;
        }
        try {
            JsonNode value = JSON.readTree(stored);
            return value != null
                    && value.isObject()
                    && value.path(name).isTextual()
                    && !value.path(name).asText().isEmpty();
        } catch (Exception notJson) {
            return false;
        }
    }
}
