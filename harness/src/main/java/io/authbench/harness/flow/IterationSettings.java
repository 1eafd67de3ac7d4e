package io.authbench.harness.flow;

import io.authbench.harness.measure.Destinations;
import io.authbench.harness.stack.EmulatorStats;
import java.net.URI;

/**
 * What every iteration under one profile shares.
 *
 * @param destinations  which ports are the app and which Appwrite (to split requests per destination)
 * @param cpuSlowdown   CDP CPU throttling rate from the start of the measured phase, 1 = none
 * @param timeoutMs     upper bound of one iteration; Playwright waits and the probe use it
 * @param projectId     the Appwrite project id (CSR's session cookie is {@code a_session_<project>_legacy})
 * @param emulatorStats the emulator's counters, null when Appwrite is not the emulator
 * @param appwritePid   the Appwrite process id for server CPU, -1 if not measured
 * @param appwriteForBrowser Appwrite's API base as the browser reaches it (CSR's session cookie is set for its host)
 * @param sessions      creates the set-up sessions of flows that start signed in
 * @param links         switches the links between set-up (full speed) and the measured phase (the profile)
 * @param fallbackOnly  Appwrite's session reaches the CSR page only through {@code X-Fallback-Cookies}
 *                      ({@code --sites=cross}: Chromium keeps no third-party cookie of Appwrite's): the CSR set-up
 *                      leaves the Web SDK's {@code localStorage.cookieFallback} entry instead of cookies, and the
 *                      session check reads that entry
 */
public record IterationSettings(
        Destinations destinations,
        double cpuSlowdown,
        long timeoutMs,
        String projectId,
        EmulatorStats emulatorStats,
        long appwritePid,
        URI appwriteForBrowser,
        SessionIssuer sessions,
        LinkShaping links,
        boolean fallbackOnly) {

    /** Without the fallback entry in the CSR set-up (the set-up of every run before {@code --sites}). */
    public IterationSettings(
            Destinations destinations,
            double cpuSlowdown,
            long timeoutMs,
            String projectId,
            EmulatorStats emulatorStats,
            long appwritePid,
            URI appwriteForBrowser,
            SessionIssuer sessions,
            LinkShaping links) {
        this(
                destinations,
                cpuSlowdown,
                timeoutMs,
                projectId,
                emulatorStats,
                appwritePid,
                appwriteForBrowser,
                sessions,
                links,
                false);
    }
}
