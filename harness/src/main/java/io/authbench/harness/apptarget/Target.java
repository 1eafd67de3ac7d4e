package io.authbench.harness.apptarget;

import java.util.Objects;

/**
 * An app under test: what the flows need to drive it (routes, selectors) and how its session is held. Read from a
 * target file ({@link TargetFile}) or built for the bundled apps ({@link #bundled}); the flows know no other kind.
 *
 * @param name          {@code [a-z0-9-]{1,40}}, for messages and results
 * @param pattern       SSR (the app's server holds the session) or CSR (the browser talks to Appwrite)
 * @param baseUrl       the app's base URL as the browser reaches it, without a trailing slash
 * @param routes        login, dashboard and profile paths
 * @param selectors     CSS selectors of the controls and content elements
 * @param sessionCookie SSR: the cookie that holds the Appwrite session secret; null = not known (set-up signs in
 *                      through the login form, and the cookie check is not applied)
 * @param nameMatch     how the content element's text is compared with the user's name ({@link NameMatch#EXACT}
 *                      for the bundled apps)
 * @param serverPid     the app server's process id on this machine, for server CPU; -1 = not measured
 * @param source        where the target came from, for messages: a file path or {@code bundled}
 */
public record Target(
        String name,
        Pattern pattern,
        String baseUrl,
        Routes routes,
        Selectors selectors,
        String sessionCookie,
        NameMatch nameMatch,
        long serverPid,
        String source) {

    /** The SSR app's own session cookie (docs/CONVENTIONS.md). */
    public static final String BUNDLED_SSR_COOKIE = "authbench_session";

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(selectors, "selectors");
        Objects.requireNonNull(nameMatch, "nameMatch");
        Objects.requireNonNull(source, "source");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The auth pattern of a target. */
    public enum Pattern {
        /** Server-side rendering: the app's server signs in and renders the user. */
        SSR("ssr"),
        /** Client-side rendering: the page's code signs in with Appwrite and renders the user. */
        CSR("csr");

        private final String code;

        Pattern(String code) {
            this.code = code;
        }

        /** {@code ssr} or {@code csr}, as in target files and results. */
        public String code() {
            return code;
        }
    }

    /**
     * Paths of the pages, each starting with {@code /}.
     *
     * @param profile the profile page; null = the app has none (no flow opens it by path today; recorded for
     *                completeness and for warm-up)
     */
    public record Routes(String login, String dashboard, String profile) {
        public Routes {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(dashboard, "dashboard");
        }
    }

    /**
     * CSS selectors (Playwright's CSS engine). {@code email}, {@code password}, {@code submit} and {@code userName} are
     * needed by every target; the others only by the flows that use them, and may be null (those flows are then
     * skipped with a stated reason, {@code Flow.unsupportedReason}).
     *
     * @param userName      shows the signed-in user's name on the dashboard
     * @param profileName   shows the name on the profile page (navigate); null = none
     * @param profileLink   the in-app link from the dashboard to the profile (navigate); null = none
     * @param logout        the sign-out control (logout); null = none
     * @param loginHeading  what shows that the login page is there (end of guard and logout); null = none
     * @param loginError    what the app shows when a sign-in is refused, in addition to the bundled apps'
     *                      {@code [data-testid=login-error]}; null = none
     * @param upstreamError what the app shows when Appwrite could not be reached, in addition to the bundled apps'
     *                      {@code [data-testid=upstream-error]}; null = none
     */
    public record Selectors(
            String email,
            String password,
            String submit,
            String userName,
            String profileName,
            String profileLink,
            String logout,
            String loginHeading,
            String loginError,
            String upstreamError) {
        public Selectors {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(submit, "submit");
            Objects.requireNonNull(userName, "userName");
        }
    }

    /** The bundled apps' page contract (docs/CONVENTIONS.md) as a target: the built-in mode's only difference. */
    public static Target bundled(boolean ssr, String baseUrl, long pid) {
        Selectors selectors = new Selectors(
                "[data-testid=login-form] input[name=email]",
                "[data-testid=login-form] input[name=password]",
                "[data-testid=login-submit]",
                "[data-testid=user-name]",
                "[data-testid=profile-name]",
                "[data-testid=profile-link]",
                "[data-testid=logout]",
                "[data-testid=login-heading]",
                null,
                null);
        return new Target(
                ssr ? "bundled-ssr" : "bundled-csr",
                ssr ? Pattern.SSR : Pattern.CSR,
                baseUrl,
                new Routes("/login", "/dashboard", "/profile"),
                selectors,
                ssr ? BUNDLED_SSR_COOKIE : null,
                NameMatch.EXACT,
                pid,
                "bundled");
    }

    /**
     * True for the bundled apps the harness started itself (built-in mode), whose Server-Timing announces every
     * Appwrite call (docs/CONVENTIONS.md); false for a target file, even one describing the bundled apps.
     */
    public boolean builtIn() {
        return "bundled".equals(source);
    }

    public boolean ssr() {
        return pattern == Pattern.SSR;
    }

    /** The same target reached at another base URL (a {@code --target-base-url} override, or a profile's link). */
    public Target withBaseUrl(String url) {
        return new Target(name, pattern, url, routes, selectors, sessionCookie, nameMatch, serverPid, source);
    }

    /** {@code baseUrl + route}. */
    public String url(String route) {
        return baseUrl + route;
    }
}
