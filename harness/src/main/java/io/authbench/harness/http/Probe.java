package io.authbench.harness.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The answer to one plain GET of a page, as a liveness or readiness check sees it: a status, or why there was none
 * (the exception's class and message, so "does not answer" always says what happened).
 *
 * @param status  the HTTP status, -1 when there was no answer
 * @param failure why there was no answer, null when there was one
 */
public record Probe(int status, String failure) {
    /** As a browser asks for a page: csr-app serves its index.html only to requests that accept HTML. */
    public static final String HTML = "text/html,application/xhtml+xml";

    /** GETs {@code url} once over HTTP/1.1 (no redirects followed), bounded by {@code timeout}. */
    public static Probe get(URI url, Duration timeout) {
        return get(url, timeout, ClientTrust.jdk());
    }

    /** As {@link #get(URI, Duration)}, trusting {@code trust}'s authorities for an https URL. */
    public static Probe get(URI url, Duration timeout, ClientTrust trust) {
        return get(AppHttp.client(timeout, trust), url, timeout);
    }

    /** As {@link #get(URI, Duration)} with a client of the caller's (to reuse connections in a loop). */
    public static Probe get(HttpClient http, URI url, Duration timeout) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(url)
                            .header("Accept", HTML)
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Probe(response.statusCode(), null);
        } catch (IOException e) {
            return new Probe(-1, AppHttp.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(-1, "interrupted");
        }
    }

    /**
     * GETs {@code url} up to {@code tries} times, each bounded by {@code timeout}, and returns the first answer, or
     * the last probe when none came: what "does it still answer?" asks of a server that may be in a long pause.
     */
    public static Probe firstAnswer(URI url, Duration timeout, int tries, ClientTrust trust) {
        if (tries < 1) {
            throw new IllegalArgumentException("at least one try is needed, not " + tries);
        }
        HttpClient http = AppHttp.client(timeout, trust);
        Probe probe = get(http, url, timeout);
        for (int tried = 1; tried < tries && !probe.answered(); tried++) {
            probe = get(http, url, timeout); // an interrupted thread fails each try at once
        }
        return probe;
    }

    /** True if any HTTP answer came (a 500 too: the server is there). */
    public boolean answered() {
        return failure == null;
    }

    /** What happened, for messages: {@code HTTP 200} or the failure. */
    public String describe() {
        return answered() ? "HTTP " + status : failure;
    }
}
