package io.authbench.harness.http;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one way the harness builds a {@link HttpClient}: HTTP/1.1, no redirects followed.
 *
 * <p>Why HTTP/1.1: the JDK client defaults to HTTP/2 and, over plain http, asks for it with an
 * {@code Upgrade: h2c} header. Node's http server (and so {@code next start}) closes such a connection without an
 * answer, which made a healthy Next.js app look dead. Every server the harness talks to (apps, Appwrite, the
 * emulator) speaks HTTP/1.1, and so does the browser's path through the links.
 */
public final class AppHttp {
    private AppHttp() {}

    /** An HTTP/1.1 client that does not follow redirects (a redirect is an answer, as the browser would see it). */
    public static HttpClient client(Duration connectTimeout) {
        return client(connectTimeout, ClientTrust.jdk());
    }

    /**
     * As {@link #client(Duration)}, trusting {@code trust}'s authorities for https URLs. HTTP/1.1 over TLS too: the
     * servers would offer HTTP/2 through ALPN, but the harness's own requests (readiness, warm-up, statistics) are
     * set-up, and one protocol for them keeps http and https runs alike.
     */
    public static HttpClient client(Duration connectTimeout, ClientTrust trust) {
        return trust.applyTo(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER))
                .build();
    }

    /** {@code SimpleName: message} of a failed request, e.g. {@code ConnectException: Connection refused}. */
    public static String describe(Throwable failure) {
        Throwable shown = failure;
        // The JDK often wraps the telling exception (a refused connection, a closed channel) without a message.
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String text = shown.getClass().getName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
        return shown == failure ? text : failure.getClass().getName() + " (" + text + ")";
    }
}
