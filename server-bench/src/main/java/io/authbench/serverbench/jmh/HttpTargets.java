package io.authbench.serverbench.jmh;

import io.authbench.serverbench.load.Bodies;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The running servers as the HTTP benchmarks see them, read once per fork from the {@link ForkHandoffFile}; one shared
 * HTTP/1.1 client with keep-alive (the benchmark measures the server, not connection set-up).
 */
@State(Scope.Benchmark)
public class HttpTargets {
    /** Bound on every request: a stalled server fails the benchmark instead of hanging it. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    ForkHandoffFile targets;
    HttpClient client;
    List<String> ssrCookies;
    List<String> loginForms;
    URI ssrDashboard;
    URI ssrLogin;
    URI csrIndex;
    URI csrScript;
    String ssrOrigin;
    /** The Next.js apps' requests; null when the app does not run in this phase (its benchmarks are not selected). */
    URI nextSsrDashboard;

    URI nextSsrLogin;
    String nextSsrOrigin;
    URI nextCsrDashboard;
    List<URI> nextCsrScripts;
    private final AtomicLong next = new AtomicLong();

    @Setup
    public void setUp() {
        targets = ForkHandoffFile.fromSystemProperty();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ssrCookies = targets.ssrSecrets().stream()
                .map(secret -> "authbench_session=" + secret)
                .toList();
        loginForms = targets.loginCredentials().stream()
                .map(c -> "email=" + encode(c[0]) + "&password=" + encode(c[1]))
                .toList();
        ssrDashboard = targets.ssrUrl().resolve("/dashboard");
        ssrLogin = targets.ssrUrl().resolve("/login");
        csrIndex = targets.csrUrl().resolve("/");
        csrScript = targets.csrUrl().resolve(targets.csrScriptPath());
        // A browser's form post carries the page's own origin; ssr-app refuses any other (its CSRF check).
        ssrOrigin = targets.ssrUrl().getScheme() + "://" + targets.ssrUrl().getHost() + ":"
                + targets.ssrUrl().getPort();
        if (targets.hasNextApp("next-ssr")) {
            URI base = targets.nextAppUrl("next-ssr");
            nextSsrDashboard = base.resolve("/dashboard");
            // The app's sign-in route handler (a page and a route handler cannot share /login).
            nextSsrLogin = base.resolve("/api/login");
            // It refuses a form whose Origin is not the one the request was sent to (its CSRF check), as ssr-app does.
            nextSsrOrigin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        }
        if (targets.hasNextApp("next-csr")) {
            URI base = targets.nextAppUrl("next-csr");
            nextCsrDashboard = base.resolve("/dashboard");
            nextCsrScripts =
                    targets.nextCsrScriptPaths().stream().map(base::resolve).toList();
        }
    }

    /** Round-robin over the population, shared by all benchmark threads. */
    int nextIndex(int size) {
        return (int) (next.getAndIncrement() % size);
    }

    /** Sends, reads the body fully and checks the status; returns the body length (for the Blackhole). */
    int send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.method() + " "
                    + request.uri().getPath() + " answered "
                    + response.statusCode() + ", expected " + expectedStatus + ": the servers are not in the state the"
                    + " benchmark needs (see the server logs in the run folder).");
        }
        return response.body().length;
    }

    /**
     * Like {@link #send}, and the decompressed body must contain {@code marker}: a Next.js page answers 200 even
     * when its Appwrite call failed, which must fail the benchmark, not count as a fast operation.
     */
    int sendExpecting(HttpRequest request, int expectedStatus, String marker) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expectedStatus || !Bodies.text(response).contains(marker)) {
            throw new IllegalStateException(request.method() + " "
                    + request.uri().getPath() + " answered "
                    + response.statusCode() + " without " + marker + ", expected " + expectedStatus + " with it: the"
                    + " servers are not in the state the benchmark needs (see the server logs in the run folder).");
        }
        return response.body().length;
    }

    /** Sends, checks for a redirect to {@code location} (a refused sign-in also answers 303, to another place). */
    int sendExpectingRedirect(HttpRequest request, int expectedStatus, String location)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String actual = response.headers().firstValue("Location").orElse("(none)");
        if (response.statusCode() != expectedStatus || !actual.equals(location)) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri().getPath() + " answered "
                            + response.statusCode() + " to " + actual + ", expected " + expectedStatus + " to "
                            + location
                            + ": the servers are not in the state the benchmark needs (see the server logs in the run folder).");
        }
        return response.body().length;
    }

    /** The field of a Next.js app, or a sentence saying its benchmarks need the app. */
    static <T> T require(T value, String variant) {
        if (value == null) {
            throw new IllegalStateException(variant + " does not run in this server phase: its benchmarks need"
                    + " --nextjs-dir (server-bench) or --nextjs (harness).");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
