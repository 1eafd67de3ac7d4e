package io.authbench.csr.cli;

import io.authbench.tls.ServerTlsFiles;
import java.net.URI;
import java.time.Duration;

/**
 * What the csr-app process was asked to do, validated.
 *
 * @param port              TCP port to listen on; 0 lets the OS pick a free one
 * @param host              address to bind (loopback by default)
 * @param appwriteEndpoint  the Appwrite API endpoint as the <em>browser</em> reaches it, e.g. {@code http://localhost:8080/v1}
 * @param project           Appwrite project id sent by the Web SDK ({@code X-Appwrite-Project})
 * @param upstreamTimeout   longest wait the page allows one Appwrite call before it shows the upstream error
 * @param requestLog        print one line per request on stdout (off by default: a logging server under load measures its logging)
 * @param tls               {@code null}: plain HTTP/1.1 (the default); otherwise HTTPS with HTTP/2 offered via ALPN
 */
public record CsrOptions(
        int port,
        String host,
        URI appwriteEndpoint,
        String project,
        Duration upstreamTimeout,
        boolean requestLog,
        ServerTlsFiles tls) {

    /** Plain HTTP. */
    public CsrOptions(
            int port, String host, URI appwriteEndpoint, String project, Duration upstreamTimeout, boolean requestLog) {
        this(port, host, appwriteEndpoint, project, upstreamTimeout, requestLog, null);
    }

    /** {@code scheme://host[:port]} of the Appwrite endpoint: what the page's CSP {@code connect-src} allows. */
    public String appwriteOrigin() {
        int port = appwriteEndpoint.getPort();
        return appwriteEndpoint.getScheme() + "://" + appwriteEndpoint.getHost() + (port == -1 ? "" : ":" + port);
    }
}
