package io.authbench.harness.http;

import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * Which authorities the harness's own HTTPS clients trust: the JDK's public ones (plain-HTTP runs, an external
 * Appwrite), or exactly one run's authority ({@code --transport=https}: {@code transport.RunTls}). Host names are
 * checked either way; nothing here turns verification off.
 *
 * @param context      the client context; null = the JDK's default
 * @param trustManager the trust manager behind {@code context}, for OkHttp; null with a null context
 */
public record ClientTrust(SSLContext context, X509TrustManager trustManager) {
    private static final ClientTrust JDK = new ClientTrust(null, null);

    public ClientTrust {
        if ((context == null) != (trustManager == null)) {
            throw new IllegalArgumentException("a client context comes with its trust manager");
        }
    }

    /** The JDK's public authorities, as without this class. */
    public static ClientTrust jdk() {
        return JDK;
    }

    /** True when only a run's own authority is trusted. */
    public boolean runAuthority() {
        return context != null;
    }

    /** Applies this trust to a JDK client builder. */
    public HttpClient.Builder applyTo(HttpClient.Builder builder) {
        return context == null ? builder : builder.sslContext(context);
    }

    /** Applies this trust to an OkHttp client builder (the Appwrite Kotlin SDK's client). */
    public okhttp3.OkHttpClient.Builder applyTo(okhttp3.OkHttpClient.Builder builder) {
        return context == null ? builder : builder.sslSocketFactory(context.getSocketFactory(), trustManager);
    }
}
