package io.authbench.serverbench.load;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * What one simulated user does for one page view: one or more HTTP requests, in order. The load generator measures
 * the whole sequence from its intended start.
 */
public interface PageView {
    /** Short description for results, e.g. {@code GET /dashboard}. */
    String target();

    /**
     * Performs page view number {@code sequence} (used to pick a user from the population).
     *
     * @param timeout bound on each request of the sequence
     * @throws PageViewFailure when a request fails or answers with an unexpected status
     */
    void perform(HttpClient client, long sequence, Duration timeout) throws PageViewFailure, InterruptedException;
}
