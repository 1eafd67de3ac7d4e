package io.authbench.harness.flow;

import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.List;
import java.util.Optional;

/**
 * The cookie half of the correctness check: after signing in, the session cookie exists with the attributes the
 * pattern promises; after signing out (or without a session), it is gone.
 */
final class CookieCheck {
    private CookieCheck() {
    }

    /** Appwrite's session cookie that browsers keep over http: {@code a_session_<project>_legacy}. */
    static String csrCookieName(String projectId) {
        return ("a_session_" + projectId + "_legacy").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param ssr       SSR: the app's session cookie {@code ssrCookie} (HttpOnly, SameSite=Lax, Path=/);
     *                  CSR: Appwrite's {@code a_session_<project>_legacy} (HttpOnly; the only one browsers keep over http)
     * @param ssrCookie the SSR target's session cookie name; null = unknown, so an SSR target's cookie is not checked
     *                  (the run's config.settings says so)
     * @return the problem, or empty if the cookies are as expected (or not checked)
     */
    static Optional<String> problem(List<Cookie> cookies, boolean ssr, String ssrCookie, String projectId,
                                    boolean expectSignedIn) {
        if (ssr && ssrCookie == null) {
            return Optional.empty();
        }
        String name = ssr ? ssrCookie : csrCookieName(projectId);
        Optional<Cookie> session = cookies.stream().filter(c -> c.name.equals(name) && !c.value.isEmpty()).findFirst();
        if (!expectSignedIn) {
            return session.isPresent() ? Optional.of("the session cookie " + name + " is still set after the session ended")
                    : Optional.empty();
        }
        if (session.isEmpty()) {
            return Optional.of("no session cookie " + name + " after signing in");
        }
        Cookie cookie = session.get();
        if (!Boolean.TRUE.equals(cookie.httpOnly)) {
            return Optional.of("the session cookie " + name + " is not HttpOnly, so page scripts could read it");
        }
        if (ssr && cookie.sameSite != SameSiteAttribute.LAX) {
            return Optional.of("the session cookie " + name + " has SameSite=" + cookie.sameSite + ", expected Lax");
        }
        if (ssr && !"/".equals(cookie.path)) {
            return Optional.of("the session cookie " + name + " has Path=" + cookie.path + ", expected /");
        }
        return Optional.empty();
    }
}
