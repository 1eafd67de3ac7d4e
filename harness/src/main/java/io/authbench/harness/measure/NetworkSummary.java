package io.authbench.harness.measure;

import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.ServerTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one iteration sent over the network, per destination, from CDP exchanges.
 *
 * @param requests             requests that went to the network (cache hits excluded), preflights and redirect hops included
 * @param bytes                encoded bytes received for them
 * @param requestsApp          of which to the app
 * @param bytesApp             bytes from the app
 * @param requestsAppwrite     of which to Appwrite (preflights included)
 * @param bytesAppwrite        bytes from Appwrite
 * @param preflights           CORS preflights
 * @param redirects            redirect hops followed
 * @param appwriteCallsBrowser browser→Appwrite API calls (preflights excluded)
 * @param appwriteCallsServer  app→Appwrite calls announced by the app's Server-Timing entries
 * @param serverTimingMs       sum of those entries' durations
 * @param criticalPathDepth    the longest chain of sequential round trips between the action and the content:
 *                             browser exchanges that do not overlap, each counting 1 plus the Appwrite calls the
 *                             server made while answering it
 * @param cacheableResponses   network responses whose Cache-Control lets a cache store them (not {@code no-store})
 * @param scriptBytes          bytes of JavaScript received
 */
public record NetworkSummary(
        int requests,
        long bytes,
        int requestsApp,
        long bytesApp,
        int requestsAppwrite,
        long bytesAppwrite,
        int preflights,
        int redirects,
        int appwriteCallsBrowser,
        int appwriteCallsServer,
        double serverTimingMs,
        int criticalPathDepth,
        int cacheableResponses,
        long scriptBytes) {

    /** A millisecond of slack for clock rounding between the renderer and the network service. */
    private static final double SLACK_MS = 1.0;

    /**
     * Summarises {@code exchanges} that started in {@code [fromEpochMs, contentEpochMs]}; the critical path only
     * considers those inside {@code [actionEpochMs, contentEpochMs]}.
     */
    public static NetworkSummary of(
            List<Exchange> exchanges,
            Destinations destinations,
            double fromEpochMs,
            double actionEpochMs,
            double contentEpochMs) {
        int requests = 0, requestsApp = 0, requestsAppwrite = 0, preflights = 0, redirects = 0, browserCalls = 0;
        int serverCalls = 0, cacheable = 0;
        long bytes = 0, bytesApp = 0, bytesAppwrite = 0, scriptBytes = 0;
        double serverTimingMs = 0;
        List<Exchange> window = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (e.fromCache()
                    || e.startEpochMs() < fromEpochMs - SLACK_MS
                    || e.startEpochMs() > contentEpochMs + SLACK_MS) {
                continue;
            }
            requests++;
            bytes += e.encodedBytes();
            if ("Script".equals(e.resourceType())) {
                scriptBytes += e.encodedBytes();
            }
            if (e.preflight()) {
                preflights++;
            }
            if (e.redirect()) {
                redirects++;
            }
            if (destinations.isApp(e)) {
                requestsApp++;
                bytesApp += e.encodedBytes();
            } else if (destinations.isAppwrite(e)) {
                requestsAppwrite++;
                bytesAppwrite += e.encodedBytes();
                if (!e.preflight()) {
                    browserCalls++;
                }
            }
            for (ServerTiming timing : e.serverTiming()) {
                if (timing.isAppwriteCall()) {
                    serverCalls++;
                    if (!Double.isNaN(timing.durationMs())) {
                        serverTimingMs += timing.durationMs();
                    }
                }
            }
            if (!e.preflight() && e.status() > 0 && isStorable(e.cacheControl())) {
                cacheable++;
            }
            window.add(e);
        }
        int depth = CriticalPath.of(window, actionEpochMs, contentEpochMs).depth();
        return new NetworkSummary(
                requests,
                bytes,
                requestsApp,
                bytesApp,
                requestsAppwrite,
                bytesAppwrite,
                preflights,
                redirects,
                browserCalls,
                serverCalls,
                serverTimingMs,
                depth,
                cacheable,
                scriptBytes);
    }

    private static boolean isStorable(String cacheControl) {
        return cacheControl != null && !cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
    }
}
