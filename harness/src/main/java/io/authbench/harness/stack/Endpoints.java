package io.authbench.harness.stack;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The URLs of one profile's stack. Browser-facing URLs go through the links and use the host name
 * {@code localhost}, so the apps' and Appwrite's cookies are same-site
 * (docs/measurement-model.md#cookies-across-hosts).
 *
 * @param apps                each app as the browser reaches it, by key ({@link ProfileStack#SSR}, {@link ProfileStack#CSR},
 *                            and the Next.js apps' {@code next-ssr}, {@code next-csr} in a four-variant run), e.g.
 *                            {@code http://localhost:40001}
 * @param appwriteForBrowser  Appwrite's API base as CSR's browser code reaches it (through browser→Appwrite)
 * @param appwriteForSsr      Appwrite's API base as the SSR app reaches it (through app→Appwrite)
 * @param appwriteDirect      the emulator itself, for set-up and statistics (no link)
 */
public record Endpoints(Map<String, URI> apps, URI appwriteForBrowser, URI appwriteForSsr, URI appwriteDirect) {

    public Endpoints {
        apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
    }

    /** The SSR app as the browser reaches it. */
    public URI ssrBase() {
        return apps.get(ProfileStack.SSR);
    }

    /** The CSR app as the browser reaches it. */
    public URI csrBase() {
        return apps.get(ProfileStack.CSR);
    }
}
