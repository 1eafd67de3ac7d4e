package io.authbench.serverbench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * An SSR page view: {@code GET /dashboard} with the user's {@code authbench_session} cookie, which makes ssr-app
 * call Appwrite's {@code GET /v1/account} and render the page (its stylesheet is cached by a returning browser).
 */
public final class SsrPageView implements PageView {
    private final URI dashboard;
    private final List<String> sessionCookies;

    /**
     * @param ssrBase        ssr-app's base URL (loopback)
     * @param sessionSecrets one Appwrite session secret per user of the population (the cookie's value)
     */
    public SsrPageView(URI ssrBase, List<String> sessionSecrets) {
        this.dashboard = LoopbackOnly.require(ssrBase).resolve("/dashboard");
        if (sessionSecrets.isEmpty()) {
            throw new IllegalArgumentException("An SSR page view needs at least one signed-in user.");
        }
        this.sessionCookies = sessionSecrets.stream().map(secret -> "authbench_session=" + secret).toList();
    }

    @Override
    public String target() {
        return "GET /dashboard";
    }

    @Override
    public void perform(HttpClient client, long sequence, Duration timeout) throws PageViewFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(dashboard).timeout(timeout).GET()
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Encoding", "gzip, deflate, br")
                .header("Cookie", sessionCookies.get((int) (sequence % sessionCookies.size())))
                .build();
        Requests.send(client, request, Set.of(200), "GET /dashboard");
    }
}
