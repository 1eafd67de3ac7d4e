package io.authbench.harness.flow;

/**
 * The app one iteration runs against.
 *
 * @param variant the label recorded in results ({@code ssr}, {@code csr}, {@code ssr-a}, {@code ssr-b})
 * @param ssr     true for the SSR pattern (session cookie set by the app), false for CSR (Appwrite's cookie)
 * @param baseUrl the URL the browser uses, through the browser→app link, e.g. {@code http://localhost:40123}
 * @param appPid  the app server's process id, for server CPU; -1 if not measured
 */
public record AppTarget(String variant, boolean ssr, String baseUrl, long appPid) {
}
