package io.authbench.emulator.auth;

import io.authbench.emulator.store.AuthStore;
import java.util.List;
import java.util.Locale;

/**
 * A project the emulator serves: the configured one, or Appwrite's {@code console} project, which requests without a
 * project id fall back to (it has no API key and only the always-allowed origins).
 *
 * @param apiKey {@code null} when no key is configured: every key-authenticated call gets {@code user_unauthorized}
 * @param platforms extra web-platform host names allowed as origins ({@code localhost} and the API's own host always are)
 */
public record Project(String id, AuthStore store, ApiKey apiKey, List<String> platforms) {

    /** Lower-cased, as Appwrite's {@code addCookie} writes and {@code getCookie} reads cookie names. */
    public String cookieName() {
        return ("a_session_" + id).toLowerCase(Locale.ROOT);
    }

    public String legacyCookieName() {
        return cookieName() + "_legacy";
    }
}
