package io.authbench.support.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One TLS handshake with a server, as a browser would start it: SNI and host-name verification for the URL's host,
 * and an ALPN offer. It tells which application protocol (h2, http/1.1) and TLS version the server chose, which no
 * Java HTTP client reports directly. Used by tests and start-up checks; it sends no HTTP request.
 */
public final class TlsProbe {
    /** What the server chose. {@code alpn} is empty when the server picked no protocol from the offer. */
    public record Handshake(String alpn, String tlsVersion) {}

    private TlsProbe() {}

    /**
     * Connects to {@code url}'s host and port (or to {@code connectTo}, when the name resolves elsewhere, as with a
     * link in front of the server), verifies the certificate for {@code url}'s host and returns the choice.
     * Throws {@link javax.net.ssl.SSLHandshakeException} when the certificate is not trusted or not for that host.
     */
    public static Handshake handshake(
            URI url, InetSocketAddress connectTo, SSLContext trust, List<String> alpn, Duration timeout)
            throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(connectTo, millis);
            plain.setSoTimeout(millis);
            try (SSLSocket socket = (SSLSocket)
                    trust.getSocketFactory().createSocket(plain, url.getHost(), connectTo.getPort(), false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!url.getHost().matches("[0-9.]+|.*:.*")) {
                    parameters.setServerNames(List.of(new SNIHostName(url.getHost())));
                }
                parameters.setApplicationProtocols(alpn.toArray(new String[0]));
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                String chosen = socket.getApplicationProtocol();
                return new Handshake(
                        chosen == null ? "" : chosen, socket.getSession().getProtocol());
            }
        }
    }

    /** {@link #handshake(URI, InetSocketAddress, SSLContext, List, Duration)} to the URL's own host and port. */
    public static Handshake handshake(URI url, SSLContext trust, List<String> alpn, Duration timeout)
            throws IOException {
        return handshake(url, new InetSocketAddress(url.getHost(), url.getPort()), trust, alpn, timeout);
    }
}
