package io.authbench.reports.results;

/**
 * The flow names used in {@link Sample#flow()}, in {@code results.json} and on the harness command line. The
 * harness's {@code Flow} enum takes its codes from here, so the report and the runner cannot drift apart; the
 * report relies on these names for the claims (which flow measures an initial load, content without JavaScript, an
 * in-app navigation) and the filmstrip.
 */
public final class Flows {
    /** Cold cache, no session: open the login page, fill, submit. */
    public static final String LOGIN = "login";
    /** Warm cache, valid session: open /dashboard in a new tab. */
    public static final String REVISIT = "revisit";
    /** Empty cache, valid session cookie: open /dashboard. */
    public static final String REVISIT_COLD = "revisit-cold";
    /** On the dashboard: click the in-app link to /profile. */
    public static final String NAVIGATE = "navigate";
    /** No session: open /dashboard and be sent to the login form. */
    public static final String GUARD = "guard";
    /** On the dashboard: click logout. */
    public static final String LOGOUT = "logout";
    /** JavaScript disabled, valid session: fetch /dashboard and look for the name in the HTML. */
    public static final String NO_JS = "no-js";

    private Flows() {}
}
