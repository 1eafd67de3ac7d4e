package io.authbench.serverbench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An SSR page view: {@code GET /dashboard} with the user's {@code authbench_session} cookie, which makes ssr-app
 * call Appwrite's {@code GET /v1/account} and render the page (its stylesheet is cached by a returning browser).
 */
public final class SsrPageView implements PageView {
    private final URI dashboard;
    private final List<String> sessionCookies;
    /** Text the page must contain, or null: checked only where a failed Appwrite call still answers 200. */
    private final String signedInMarker;

    /**
     * @param ssrBase        ssr-app's base URL (loopback)
     * @param sessionSecrets one Appwrite session secret per user of the population (the cookie's value)
     */
    public SsrPageView(URI ssrBase, List<String> sessionSecrets) {
        this(ssrBase, sessionSecrets, null);
    }

    /**
     * The same page view of the Next.js SSR app, which answers 200 even when its {@code account.get()} failed (a page
     * cannot choose its status): the page must contain {@code signedInMarker}, else the view failed. Compression is
     * asked for as a browser does, brotli left out so the page can be read.
     */
    public static SsrPageView checked(URI appBase, List<String> sessionSecrets, String signedInMarker) {
        return new SsrPageView(appBase, sessionSecrets, Objects.requireNonNull(signedInMarker));
    }

    private SsrPageView(URI ssrBase, List<String> sessionSecrets, String signedInMarker) {
        this.signedInMarker = signedInMarker;
        this.dashboard = LoopbackOnly.require(ssrBase).resolve("/dashboard");
        if (sessionSecrets.isEmpty()) {
            throw new IllegalArgumentException("An SSR page view needs at least one signed-in user.");
        }
        this.sessionCookies = sessionSecrets.stream()
                .map(secret -> "authbench_session=" + secret)
                .toList();
    }

    @Override
    public String target() {
        return "GET /dashboard";
    }

    @Override
    public void perform(HttpClient client, long sequence, Duration timeout)
            throws PageViewFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(dashboard)
                .timeout(timeout)
                .GET()
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Encoding", signedInMarker == null ? "gzip, deflate, br" : "gzip, deflate")
                .header("Cookie", sessionCookies.get((int) (sequence % sessionCookies.size())))
                .build();
        if (signedInMarker == null) {
            Requests.send(client, request, Set.of(200), "GET /dashboard");
        } else {
            Requests.sendExpecting(client, request, 200, signedInMarker, "GET /dashboard");
        }
    }
}
