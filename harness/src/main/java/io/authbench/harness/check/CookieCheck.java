package io.authbench.harness.check;

import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cookie half of the correctness check: after signing in, the session cookie exists with attributes at least as
 * strict as the pattern needs; after signing out (or without a session), it is gone. What it saw is recorded either
 * way ({@link Result#seen}), so a pass is explained too.
 *
 * <p>"At least as strict": HttpOnly is required; for SSR, SameSite Lax or Strict (Strict withholds the cookie from
 * more cross-site requests than Lax, so it satisfies a Lax requirement; None does not) and Path=/ (a narrower path
 * would not reach every page); Secure is fine where not required. For CSR over https the cookie must be Secure and
 * SameSite=None: a page on another site than Appwrite must be able to send it, so a stricter SameSite would break the
 * pattern rather than harden it.
 */
public final class CookieCheck {
    private CookieCheck() {}

    /**
     * @param problem why the cookies are not as required; empty if they are (or the check is not applied)
     * @param seen    the cookie's attributes as the browser holds them ({@code absent}, or {@code not checked …})
     */
    public record Result(Optional<String> problem, String seen) {}

    /**
     * @param name           the session cookie's name (SSR: the target's, null = unknown, so not checked; CSR:
     *                       Appwrite's as the browser sends it)
     * @param ssr            the SSR pattern (requirements above)
     * @param https          Appwrite is reached over https (CSR's Secure/None requirement)
     * @param expectSignedIn after signing in (true) or after the session ended (false)
     */
    public static Result check(List<Cookie> cookies, String name, boolean ssr, boolean https, boolean expectSignedIn) {
        if (name == null) {
            return new Result(Optional.empty(), "not checked: the target names no session cookie");
        }
        Optional<Cookie> session = cookies.stream()
                .filter(c -> c.name.equals(name) && !c.value.isEmpty())
                .findFirst();
        if (session.isEmpty()) {
            return new Result(
                    expectSignedIn ? Optional.of("no session cookie " + name + " after signing in") : Optional.empty(),
                    name + ": absent");
        }
        Cookie cookie = session.get();
        String seen = name + ": " + describe(cookie);
        if (!expectSignedIn) {
            return new Result(
                    Optional.of("the session cookie " + name + " is still set after the session ended"), seen);
        }
        return new Result(problem(cookie, name, ssr, https), seen);
    }

    private static Optional<String> problem(Cookie cookie, String name, boolean ssr, boolean https) {
        if (!Boolean.TRUE.equals(cookie.httpOnly)) {
            return Optional.of("the session cookie " + name + " is not HttpOnly, so page scripts could read it");
        }
        if (ssr && cookie.sameSite != SameSiteAttribute.LAX && cookie.sameSite != SameSiteAttribute.STRICT) {
            return Optional.of("the session cookie " + name + " has SameSite=" + sameSite(cookie)
                    + ", expected Lax or the stricter Strict");
        }
        if (ssr && !"/".equals(cookie.path)) {
            return Optional.of("the session cookie " + name + " has Path=" + cookie.path + ", expected /");
        }
        if (!ssr && https) {
            if (!Boolean.TRUE.equals(cookie.secure)) {
                return Optional.of(
                        "the session cookie " + name + " is not Secure although Appwrite is reached over https");
            }
            if (cookie.sameSite != SameSiteAttribute.NONE) {
                return Optional.of("the session cookie " + name + " has SameSite=" + sameSite(cookie)
                        + ", expected None (a page on another site than Appwrite sends it with its requests)");
            }
        }
        return Optional.empty();
    }

    /** {@code HttpOnly, Secure, SameSite=Strict, Path=/, Domain=localhost}, as the browser holds the cookie. */
    static String describe(Cookie cookie) {
        List<String> parts = new ArrayList<>();
        parts.add(Boolean.TRUE.equals(cookie.httpOnly) ? "HttpOnly" : "not HttpOnly");
        parts.add(Boolean.TRUE.equals(cookie.secure) ? "Secure" : "not Secure");
        parts.add("SameSite=" + sameSite(cookie));
        parts.add("Path=" + cookie.path);
        parts.add("Domain=" + cookie.domain);
        return String.join(", ", parts);
    }

    private static String sameSite(Cookie cookie) {
        if (cookie.sameSite == null) {
            return "unset";
        }
        String text = cookie.sameSite.name();
        return text.charAt(0) + text.substring(1).toLowerCase(Locale.ROOT);
    }
}
