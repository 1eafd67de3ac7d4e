package io.authbench.harness.flow;

import io.authbench.harness.apptarget.Target;
import io.authbench.reports.results.Flows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The user journeys of docs/architecture.md#flows. Each is run for both variants under each profile; the content
 * element is what "done" means for the flow (its Element Timing entry ends the time to content).
 */
public enum Flow {
    /** Cold cache, no session: open the login page, fill, submit; ends when the user's name is painted. */
    LOGIN(Flows.LOGIN, "user-name"),
    /** Warm cache, valid session: open /dashboard in a new tab. */
    REVISIT(Flows.REVISIT, "user-name"),
    /** Empty cache, valid session cookie: open /dashboard. */
    REVISIT_COLD(Flows.REVISIT_COLD, "user-name"),
    /** On the dashboard: click the in-app link to /profile. */
    NAVIGATE(Flows.NAVIGATE, "profile-name"),
    /** No session: open /dashboard; ends when the login form is painted. */
    GUARD(Flows.GUARD, "login-heading"),
    /** On the dashboard: click logout; ends when the login form is painted. */
    LOGOUT(Flows.LOGOUT, "login-heading"),
    /** JavaScript disabled, valid session: fetch /dashboard; is the name in the HTML? */
    NO_JS(Flows.NO_JS, "user-name");

    private final String code;
    private final String contentElement;

    Flow(String code, String contentElement) {
        this.code = code;
        this.contentElement = contentElement;
    }

    /** The flow's name on the command line and in results.json (defined in {@link Flows}, which the report reads). */
    public String code() {
        return code;
    }

    /**
     * The element that ends the flow: {@code user-name}, {@code profile-name} or {@code login-heading} (the bundled
     * apps' {@code data-testid} and {@code elementtiming}); a target names it with its {@code userName},
     * {@code profileName} or {@code loginHeading} selector.
     */
    public String contentElement() {
        return contentElement;
    }

    /**
     * True if the flow measures a time to content, which pairs compare; false for no-js, whose samples carry checks
     * (is the name in the HTML without JavaScript?) and request counts but no time, so its cells have no interval.
     */
    public boolean timed() {
        return this != NO_JS;
    }

    /** True if the flow starts signed in (it needs a seeded user even though it does not measure the login). */
    public boolean needsUser() {
        return this != GUARD;
    }

    /**
     * Why {@code target} cannot run this flow: it lacks a selector the flow needs (a target file may leave out those
     * only some flows use). Empty when it can. The run plan skips such a flow for the whole run, with this reason.
     */
    public Optional<String> unsupportedReason(Target target) {
        Target.Selectors s = target.selectors();
        List<String> missing = new ArrayList<>();
        switch (this) {
            case NAVIGATE -> {
                if (s.profileLink() == null) {
                    missing.add("selectors.profileLink");
                }
                if (s.profileName() == null) {
                    missing.add("selectors.profileName");
                }
            }
            case GUARD -> {
                if (s.loginHeading() == null) {
                    missing.add("selectors.loginHeading");
                }
            }
            case LOGOUT -> {
                if (s.logout() == null) {
                    missing.add("selectors.logout");
                }
                if (s.loginHeading() == null) {
                    missing.add("selectors.loginHeading");
                }
            }
            default -> {
                // login, revisit, revisit-cold and no-js need only what every target file must give
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(code + " needs " + String.join(" and ", missing) + ", which target " + target.name() + " ("
                + target.source() + ") does not give");
    }

    /** The flow named {@code code}, if any. */
    public static Optional<Flow> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** "login, revisit, ..." for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Flow::code).collect(Collectors.joining(", "));
    }
}
