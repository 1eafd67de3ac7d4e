package io.authbench.serverbench.stack;

import java.net.URI;
import java.util.OptionalLong;

/**
 * A Next.js app the server phase measures: its variant label, its base URL on loopback and, when it runs on this
 * machine, the pid of its {@code next start} process (its CPU is counted with every process that one starts).
 *
 * @param variant {@code next-ssr} or {@code next-csr}
 * @param url     base URL, e.g. {@code http://127.0.0.1:41235}
 * @param pid     the process, empty if not local (its CPU is then "not measured")
 */
public record RunningNextApp(String variant, URI url, OptionalLong pid) {
    /** The page's origin as a browser on {@code localhost} sends it (same site as Appwrite on localhost). */
    public String browserOrigin() {
        return "http://localhost:" + url.getPort();
    }
}
