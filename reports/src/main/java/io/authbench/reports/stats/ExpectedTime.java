package io.authbench.reports.stats;

/**
 * The time a sample "should" take from its critical path: request round trips × RTT + connection set-up round trips
 * × RTT + transfer + server + client time. Set against the measured time it shows why one pattern wins; the
 * remainder is what the model does not cover (parsing, layout and paint, scheduling noise).
 *
 * <p>Connection set-up: a critical request that waited for a new connection adds 1 RTT of its link for the TCP
 * handshake, and 1 more for a TLS 1.3 handshake (2 for TLS 1.2 and older), see
 * {@link ConnectionSetUp#setUpRoundTrips}.
 *
 * @param roundTrips      browser round trips on the critical path (preflights included)
 * @param roundTripMs     Σ of the configured RTT of each critical request's link
 * @param setUpRoundTrips connection set-up round trips on the critical path (TCP and TLS handshakes); null = not
 *                        measured (the requests do not say how they used their connections), then {@code setUpMs}
 *                        is 0 and not part of the expected time
 * @param setUpMs         Σ set-up round trips × the configured RTT of their request's link
 * @param transferMs      Σ of bytes × 8 / downlink bandwidth of each critical request (0 on unlimited links)
 * @param serverMs        the app's Server-Timing total for its Appwrite calls (SSR; 0 if not reported)
 * @param clientMs        main-thread task time in the browser (0 if not measured)
 * @param measuredMs      measured time to content
 * @param fromDepthOnly   true when the sample had no request list and the round trips come from
 *                        {@code criticalPathDepth} × browser↔app RTT
 */
public record ExpectedTime(
        int roundTrips,
        double roundTripMs,
        Integer setUpRoundTrips,
        double setUpMs,
        double transferMs,
        double serverMs,
        double clientMs,
        double measuredMs,
        boolean fromDepthOnly) {

    public ExpectedTime {
        if (setUpRoundTrips == null && setUpMs != 0) {
            throw new IllegalArgumentException("set-up time without measured set-up round trips: " + setUpMs);
        }
    }

    public double expectedMs() {
        return roundTripMs + setUpMs + transferMs + serverMs + clientMs;
    }

    /** Measured minus expected. */
    public double unexplainedMs() {
        return measuredMs - expectedMs();
    }
}
