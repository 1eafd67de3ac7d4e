package io.authbench.serverbench.jmh;

import java.net.http.HttpRequest;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The Next.js SSR app ({@code nextjs/ssr}, {@code next start}) over HTTP/1.1 on loopback, the same operations as
 * {@link SsrBenchmarks}: the whole server path of a signed-in page, including its {@code account.get()} at Appwrite.
 */
@ServerUnderTest(app = ServerUnderTest.App.NEXT_SSR)
public class NextSsrBenchmarks {
    /** The marker of a dashboard that shows the user; a failed Appwrite call renders {@code upstream-error} instead. */
    public static final String SIGNED_IN = "data-testid=\"user-name\"";

    /**
     * {@code GET /dashboard} with a valid {@code authbench_session} cookie (the same sessions as ssr-app's): the
     * session client calls {@code account.get()} while the page renders on the server. Compression as a browser asks
     * for it, brotli left out so the page can be checked ({@link HttpTargets#sendExpecting}).
     */
    @Benchmark
    public int dashboard(HttpTargets t) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(HttpTargets.require(t.nextSsrDashboard, "next-ssr"))
                .timeout(HttpTargets.TIMEOUT)
                .GET()
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Encoding", "gzip, deflate")
                .header("Cookie", t.ssrCookies.get(t.nextIndex(t.ssrCookies.size())))
                .build();
        return t.sendExpecting(request, 200, SIGNED_IN);
    }

    /**
     * {@code POST /api/login} from the login form: the admin client calls {@code createEmailPasswordSession}
     * (argon2id), sets the cookie and answers 303 to {@code /dashboard} (a refused sign-in answers 303 to
     * {@code /login?error=…}, which fails the benchmark). The login users only, as for {@link SsrBenchmarks#login}.
     */
    @Benchmark
    public int login(HttpTargets t) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(HttpTargets.require(t.nextSsrLogin, "next-ssr"))
                .timeout(HttpTargets.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Origin", t.nextSsrOrigin)
                .POST(HttpRequest.BodyPublishers.ofString(t.loginForms.get(t.nextIndex(t.loginForms.size()))))
                .build();
        return t.sendExpectingRedirect(request, 303, "/dashboard");
    }
}
