package io.authbench.reports.stats;

/**
 * The time a sample "should" take from its critical path: round trips × RTT + transfer + server + client time.
 * Set against the measured time it shows why one pattern wins; the remainder is what the model does not cover
 * (connection set-up, parsing, layout and paint, scheduling noise).
 *
 * @param roundTrips   browser round trips on the critical path (preflights included)
 * @param roundTripMs  Σ of the configured RTT of each critical request's link
 * @param transferMs   Σ of bytes × 8 / downlink bandwidth of each critical request (0 on unlimited links)
 * @param serverMs     the app's Server-Timing total for its Appwrite calls (SSR; 0 if not reported)
 * @param clientMs     main-thread task time in the browser (0 if not measured)
 * @param measuredMs   measured time to content
 * @param fromDepthOnly true when the sample had no request list and the round trips come from
 *                      {@code criticalPathDepth} × browser↔app RTT
 */
public record ExpectedTime(
        int roundTrips,
        double roundTripMs,
        double transferMs,
        double serverMs,
        double clientMs,
        double measuredMs,
        boolean fromDepthOnly) {
    public double expectedMs() {
        return roundTripMs + transferMs + serverMs + clientMs;
    }

    /** Measured minus expected. */
    public double unexplainedMs() {
        return measuredMs - expectedMs();
    }
}
