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

    /**
     * @param ssr       SSR: the app's session cookie {@code ssrCookie} (HttpOnly, SameSite=Lax, Path=/);
     *                  CSR: the Appwrite session cookie the browser sends to {@code appwrite} (HttpOnly; over https
     *                  also Secure and SameSite=None, see {@link AppwriteCookies})
     * @param ssrCookie the SSR target's session cookie name; null = unknown, so an SSR target's cookie is not checked
     *                  (the run's config.settings says so)
     * @return the problem, or empty if the cookies are as expected (or not checked)
     */
    static Optional<String> problem(List<Cookie> cookies, boolean ssr, String ssrCookie, String projectId,
                                    java.net.URI appwrite, boolean expectSignedIn) {
        if (ssr && ssrCookie == null) {
            return Optional.empty();
        }
        String name = ssr ? ssrCookie : AppwriteCookies.sentCookieName(projectId, appwrite);
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
        if (!ssr && AppwriteCookies.isHttps(appwrite)) {
            if (!Boolean.TRUE.equals(cookie.secure)) {
                return Optional.of("the session cookie " + name + " is not Secure although Appwrite is reached over https");
            }
            if (cookie.sameSite != SameSiteAttribute.NONE) {
                return Optional.of("the session cookie " + name + " has SameSite=" + cookie.sameSite
                        + ", expected None (a page on another site than Appwrite sends it with its requests)");
            }
        }
        return Optional.empty();
    }
}
