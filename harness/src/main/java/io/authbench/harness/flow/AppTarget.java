package io.authbench.harness.flow;

import io.authbench.harness.apptarget.Target;

/**
 * The app one iteration runs against.
 *
 * @param variant the label recorded in results ({@code ssr}, {@code csr}, {@code ssr-a}, {@code ssr-b})
 * @param target  the app: pattern, the URL the browser uses (through the browser→app link for the bundled apps,
 *                e.g. {@code http://localhost:40123}), routes, selectors, session cookie and server process
 */
public record AppTarget(String variant, Target target) {

    /** True for the SSR pattern (session cookie set by the app), false for CSR (Appwrite's cookie). */
    public boolean ssr() {
        return target.ssr();
    }

    public String baseUrl() {
        return target.baseUrl();
    }

    /** The app server's process id, for server CPU; -1 if not measured. */
    public long appPid() {
        return target.serverPid();
    }
}
