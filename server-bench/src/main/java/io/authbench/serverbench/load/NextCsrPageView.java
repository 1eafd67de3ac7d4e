package io.authbench.serverbench.load;

import io.authbench.serverbench.load.CsrPageView.BrowserSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A page view of the Next.js CSR app as a returning browser sends it: {@code GET /dashboard} answered in full (200:
 * the app renders its page frame on the server for every request and marks it {@code Cache-Control: no-store}, so
 * there is nothing to revalidate; the hashed {@code /_next/static} chunks are immutable and not requested), then the
 * Web SDK's {@code account.get()} from the page's origin, exactly as for csr-app ({@link CsrPageView}).
 *
 * <p>Not included: a prefetch of {@code /profile} that Next.js's {@code <Link>} may send once the signed-in page shows
 * its profile link; it is not part of what the user waits for and was not verified here.
 */
public final class NextCsrPageView implements PageView {
    private final URI page;
    private final URI account;
    private final String projectId;
    private final String origin;
    private final List<BrowserSession> sessions;

    /**
     * @param appBase     the Next.js CSR app's base URL (loopback)
     * @param appwriteApi Appwrite's API base, e.g. {@code http://127.0.0.1:41234/v1}
     * @param origin      the page's origin as the browser sends it, e.g. {@code http://localhost:40001}
     */
    public NextCsrPageView(
            URI appBase, URI appwriteApi, String projectId, String origin, List<BrowserSession> sessions) {
        this.page = LoopbackOnly.require(appBase).resolve("/dashboard");
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
        return "GET /dashboard (200) + OPTIONS, GET /v1/account";
    }

    @Override
    public void perform(HttpClient client, long sequence, Duration timeout)
            throws PageViewFailure, InterruptedException {
        BrowserSession session = sessions.get((int) (sequence % sessions.size()));
        HttpRequest document = HttpRequest.newBuilder(page)
                .timeout(timeout)
                .GET()
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Encoding", "gzip, deflate, br")
                .build();
        Requests.send(client, document, Set.of(200), "GET /dashboard");
        CsrPageView.accountGet(client, account, origin, projectId, session, timeout);
    }
}
