package io.authbench.harness.stack;

import java.net.URI;

/**
 * The URLs of one profile's stack. Browser-facing URLs go through the links and use the host name
 * {@code localhost}, so the apps' and Appwrite's cookies are same-site
 * (docs/measurement-model.md#cookies-across-hosts).
 *
 * @param ssrBase             the SSR app as the browser reaches it, e.g. {@code http://localhost:40001}
 * @param csrBase             the CSR app as the browser reaches it
 * @param appwriteForBrowser  Appwrite's API base as CSR's browser code reaches it (through browser→Appwrite)
 * @param appwriteForSsr      Appwrite's API base as the SSR app reaches it (through app→Appwrite)
 * @param appwriteDirect      the emulator itself, for set-up and statistics (no link)
 */
public record Endpoints(URI ssrBase, URI csrBase, URI appwriteForBrowser, URI appwriteForSsr, URI appwriteDirect) {
}
