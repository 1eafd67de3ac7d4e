package io.authbench.harness.backend;

import io.authbench.harness.flow.IterationOutcome;
import io.authbench.harness.flow.TestUser;
import io.authbench.harness.http.AppHttp;
import io.authbench.harness.http.ClientTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Appwrite's rate limits (docs/appwrite-behaviour.md#rate-limits) reported as such, with the limit, instead of as a
 * generic failure.
 *
 * <p>In a measured iteration the browser only shows the app's sentence ("Too many sign-in attempts for this
 * email…", both apps map {@code 429 general_rate_limit_exceeded} to it), and for SSR the 429 never reaches the
 * browser at all. {@link #explain} then asks Appwrite once more for the same e-mail: a blocked key is not counted
 * again (the abuse check only increments below the limit), so the extra request costs nothing and returns
 * Appwrite's own {@code X-RateLimit-Limit} and {@code X-RateLimit-Reset}.
 */
public final class RateLimits {
    /** What both apps show for {@code general_rate_limit_exceeded} (ssr-app LoginRoutes, csr-app session.js). */
    static final String APP_SENTENCE = "Too many sign-in attempts";

    private final URI appwriteApi;
    private final String projectId;
    private final Duration timeout;
    private final ClientTrust trust;

    /** @param appwriteApi Appwrite's API base as the harness reaches it directly (no link) */
    public RateLimits(URI appwriteApi, String projectId, Duration timeout) {
        this(appwriteApi, projectId, timeout, ClientTrust.jdk());
    }

    /** As above, trusting {@code trust}'s authorities when the API base is https. */
    public RateLimits(URI appwriteApi, String projectId, Duration timeout, ClientTrust trust) {
        this.appwriteApi = appwriteApi;
        this.projectId = projectId;
        this.timeout = timeout;
        this.trust = trust;
    }

    /** True if {@code failure} is the apps' rate-limit sentence. */
    public static boolean looksRateLimited(String failure) {
        return failure != null && failure.contains(APP_SENTENCE);
    }

    /**
     * {@code outcome} unchanged unless it failed on Appwrite's login rate limit; then the same outcome whose reason
     * starts with "rate limited by Appwrite (429 …)" and names the limit and its reset.
     */
    public IterationOutcome explain(IterationOutcome outcome, TestUser user) {
        if (outcome.ok() || user == null || !looksRateLimited(outcome.failure())) {
            return outcome;
        }
        String reason = "rate limited by Appwrite (429 general_rate_limit_exceeded on sign-in for " + user.email()
                + "; " + probe(user.email()) + "): " + outcome.failure();
        return new IterationOutcome(
                false,
                reason,
                outcome.startedAt(),
                outcome.metrics(),
                outcome.requests(),
                outcome.overheadMs(),
                outcome.timeToContentMethod(),
                outcome.checks(),
                outcome.csrSessionPath());
    }

    /** The limit as Appwrite states it now for {@code email}'s sign-ins. */
    String probe(String email) {
        String body = "{\"email\":\"" + email.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"password\":\"rate-limit-probe\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(appwriteApi + "/account/sessions/email"))
                .timeout(timeout)
                .header("X-Appwrite-Project", projectId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response =
                    AppHttp.client(timeout, trust).send(request, HttpResponse.BodyHandlers.ofString());
            return describe(response.statusCode(), response.headers());
        } catch (IOException e) {
            return "the limit could not be read: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the limit could not be read: interrupted";
        }
    }

    /**
     * {@code limit 10 per hour per e-mail (X-RateLimit-Limit), 0 left, resets at 2026-11-27T11:00:00Z}; what is
     * known when a header is missing.
     */
    public static String describe(int status, HttpHeaders headers) {
        String limit = headers.firstValue("x-ratelimit-limit").orElse(null);
        String remaining = headers.firstValue("x-ratelimit-remaining").orElse(null);
        String reset = headers.firstValue("x-ratelimit-reset")
                .map(RateLimits::resetTime)
                .orElse(null);
        StringBuilder text = new StringBuilder();
        text.append(
                limit == null ? "no X-RateLimit-Limit header" : "limit " + limit + " per window (X-RateLimit-Limit)");
        if (remaining != null) {
            text.append(", ").append(remaining).append(" left");
        }
        if (reset != null) {
            text.append(", resets at ").append(reset);
        }
        if (status != 429) {
            text.append("; a second request got HTTP ").append(status).append(", so the window has reset meanwhile");
        }
        return text.toString();
    }

    private static String resetTime(String epochSeconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(epochSeconds.trim())).toString();
        } catch (NumberFormatException e) {
            return "'" + epochSeconds + "'";
        }
    }
}
