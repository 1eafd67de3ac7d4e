package io.authbench.harness.flow;

/** The page contract of docs/CONVENTIONS.md, as CSS selectors. */
final class Selectors {
    static final String LOGIN_FORM = "[data-testid=login-form]";
    static final String EMAIL = "[data-testid=login-form] input[name=email]";
    static final String PASSWORD = "[data-testid=login-form] input[name=password]";
    static final String SUBMIT = "[data-testid=login-submit]";
    static final String LOGIN_ERROR = "[data-testid=login-error]";
    static final String UPSTREAM_ERROR = "[data-testid=upstream-error]";
    static final String PROFILE_LINK = "[data-testid=profile-link]";
    static final String LOGOUT = "[data-testid=logout]";

    private Selectors() {
    }

    /** The element with {@code data-testid=<testId>}. */
    static String testId(String testId) {
        return "[data-testid=" + testId + "]";
    }
}
