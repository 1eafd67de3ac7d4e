package io.authbench.harness.flow;

/**
 * Elements the bundled apps show instead of the content when something went wrong (docs/CONVENTIONS.md). The flows
 * wait for them next to the target's content so a bundled app's error ends the wait at once with its reason; a
 * target that has no such elements simply never matches them (its errors end as a timeout or a wrong page).
 * Everything else comes from the target's selectors ({@code io.authbench.harness.apptarget.Target.Selectors}).
 */
final class Selectors {
    static final String LOGIN_ERROR = "[data-testid=login-error]";
    static final String UPSTREAM_ERROR = "[data-testid=upstream-error]";

    private Selectors() {}
}
