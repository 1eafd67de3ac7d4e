package io.authbench.serverbench.stack;

import java.net.URI;
import java.util.OptionalLong;

/**
 * The running servers a server-side phase measures: URLs on loopback, the project, the API key (for seeding and
 * the admin-client benchmarks) and, when the processes run on this machine, their pids (for CPU accounting).
 *
 * @param appwriteApi Appwrite's API base, e.g. {@code http://127.0.0.1:41234/v1}
 * @param ssrUrl      ssr-app's base URL
 * @param csrUrl      csr-app's base URL
 * @param projectId   the Appwrite project id
 * @param apiKey      an API key with {@code users.write} and {@code sessions.write}; never printed
 * @param appwritePid Appwrite's process, empty if not local (its CPU is then "not measured")
 * @param ssrPid      ssr-app's process, likewise
 * @param csrPid      csr-app's process, likewise
 */
public record RunningServers(
        URI appwriteApi,
        URI ssrUrl,
        URI csrUrl,
        String projectId,
        String apiKey,
        OptionalLong appwritePid,
        OptionalLong ssrPid,
        OptionalLong csrPid) {

    /**
     * The page's origin as a browser on {@code localhost} sends it (cookies stay same-site,
     * docs/measurement-model.md#cookies-across-hosts).
     */
    public String csrOrigin() {
        return "http://localhost:" + csrUrl.getPort();
    }

    /** Shows URLs and pids, never the key. */
    @Override
    public String toString() {
        return "RunningServers[appwrite=" + appwriteApi + ", ssr=" + ssrUrl + ", csr=" + csrUrl + ", project="
                + projectId + ", apiKey=(redacted), pids appwrite/ssr/csr=" + appwritePid + "/" + ssrPid + "/" + csrPid
                + "]";
    }
}
