package io.authbench.serverbench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A CSR page view as a returning browser sends it: {@code GET /dashboard} revalidating the cached
 * {@code index.html} ({@code If-None-Match}, answered 304; the hashed bundle is immutable and not requested), then
 * the Web SDK's {@code account.get()}: the CORS preflight {@code OPTIONS /v1/account} and
 * {@code GET /v1/account} with the session cookie and {@code X-Fallback-Cookies}, from the app's origin.
 */
public final class CsrPageView implements PageView {
    /**
     * What the Web SDK 16.1.0 sends on {@code account.get()} (docs/appwrite-behaviour.md#web-sdk), in the preflight's
     * lower-case form.
     */
    static final String SDK_HEADERS = "content-type,x-appwrite-project,x-appwrite-response-format,x-fallback-cookies,"
            + "x-sdk-language,x-sdk-name,x-sdk-platform,x-sdk-version";

    private final URI page;
    private final String indexEtag;
    private final URI account;
    private final String projectId;
    private final String origin;
    private final List<BrowserSession> sessions;

    /** What a signed-in browser holds for Appwrite: the cookie header value and the localStorage fallback. */
    public record BrowserSession(String cookieHeader, String fallbackCookies) {
        @Override
        public String toString() {
            return "BrowserSession[redacted]";
        }
    }

    /**
     * @param csrBase     csr-app's base URL (loopback)
     * @param indexEtag   the {@code ETag} of {@code index.html} the browser cached
     * @param appwriteApi Appwrite's API base, e.g. {@code http://127.0.0.1:41234/v1}
     * @param origin      the page's origin as the browser sends it, e.g. {@code http://localhost:40000}
     */
    public CsrPageView(
            URI csrBase,
            String indexEtag,
            URI appwriteApi,
            String projectId,
            String origin,
            List<BrowserSession> sessions) {
        this.page = LoopbackOnly.require(csrBase).resolve("/dashboard");
        this.indexEtag = indexEtag;
        this.account = URI.create(LoopbackOnly.require(appwriteApi).toString().replaceAll("/+$", "") + "/account");
        this.projectId = projectId;
        this.origin = origin;
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("A CSR page view needs at least one signed-in user.");
        }
        this.sessions = List.copyOf(sessions);
    }

    @Override
    public String target() {
        return "GET /dashboard (304) + OPTIONS, GET /v1/account";
    }

    @Override
    public void perform(HttpClient client, long sequence, Duration timeout)
            throws PageViewFailure, InterruptedException {
        BrowserSession session = sessions.get((int) (sequence % sessions.size()));
        HttpRequest revalidate = HttpRequest.newBuilder(page)
                .timeout(timeout)
                .GET()
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Encoding", "gzip, deflate, br")
                .header("If-None-Match", indexEtag)
                .build();
        Requests.send(client, revalidate, Set.of(304), "GET /dashboard (revalidate)");
        accountGet(client, account, origin, projectId, session, timeout);
    }

    /**
     * The Web SDK's {@code account.get()} from a page at {@code origin}: the CORS preflight, then {@code GET
     * /v1/account} with the session cookie and {@code X-Fallback-Cookies}.
     */
    static void accountGet(
            HttpClient client, URI account, String origin, String projectId, BrowserSession session, Duration timeout)
            throws PageViewFailure, InterruptedException {
        HttpRequest preflight = HttpRequest.newBuilder(account)
                .timeout(timeout)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", SDK_HEADERS)
                .build();
        Requests.send(client, preflight, Set.of(204), "OPTIONS /v1/account");

        HttpRequest get = HttpRequest.newBuilder(account)
                .timeout(timeout)
                .GET()
                .header("Origin", origin)
                .header("Cookie", session.cookieHeader())
                .header("X-Fallback-Cookies", session.fallbackCookies())
                .header("Content-Type", "application/json")
                .header("X-Appwrite-Project", projectId)
                .header("X-Appwrite-Response-Format", "1.6.0")
                .header("X-SDK-Name", "Web")
                .header("X-SDK-Platform", "client")
                .header("X-SDK-Language", "web")
                .header("X-SDK-Version", "16.1.0")
                .build();
        Requests.send(client, get, Set.of(200), "GET /v1/account");
    }
}
