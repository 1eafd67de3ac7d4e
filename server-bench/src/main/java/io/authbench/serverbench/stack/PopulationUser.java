package io.authbench.serverbench.stack;

import io.authbench.serverbench.load.CsrPageView.BrowserSession;

/**
 * A seeded account and, for page-view users, its sessions: the SSR cookie value (the Appwrite session secret the
 * app would have stored) and what a signed-in CSR browser sends to Appwrite. Throw-away test credentials; never
 * printed ({@link #toString()} shows the e-mail only).
 */
public record PopulationUser(
        String email, String password, String name, String ssrSessionSecret, BrowserSession csrSession) {
    @Override
    public String toString() {
        return "PopulationUser[" + email + "]";
    }
}
