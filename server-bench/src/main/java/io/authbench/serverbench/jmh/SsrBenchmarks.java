package io.authbench.serverbench.jmh;

import java.net.http.HttpRequest;
import org.openjdk.jmh.annotations.Benchmark;

/** ssr-app over HTTP on loopback, including its calls to Appwrite (the whole server path of an SSR page). */
@ServerUnderTest(app = ServerUnderTest.App.SSR)
public class SsrBenchmarks {
    /** {@code GET /dashboard} with a valid session cookie: the app calls {@code account.get()} and renders the page. */
    @Benchmark
    public int dashboard(HttpTargets t) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(t.ssrDashboard)
                .timeout(HttpTargets.TIMEOUT)
                .GET()
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Encoding", "gzip, deflate, br")
                .header("Cookie", t.ssrCookies.get(t.nextIndex(t.ssrCookies.size())))
                .build();
        return t.send(request, 200);
    }

    /**
     * {@code POST /login} from the login form: the app's admin client calls {@code createEmailPasswordSession}
     * (Appwrite's argon2id check at the real cost), sets its cookie and answers 303. Uses the login users only,
     * since every login adds a session and Appwrite keeps ten per user.
     */
    @Benchmark
    public int login(HttpTargets t) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(t.ssrLogin)
                .timeout(HttpTargets.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Origin", t.ssrOrigin)
                .POST(HttpRequest.BodyPublishers.ofString(t.loginForms.get(t.nextIndex(t.loginForms.size()))))
                .build();
        return t.send(request, 303);
    }
}
