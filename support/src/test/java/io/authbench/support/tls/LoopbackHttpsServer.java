package io.authbench.support.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.authbench.tls.TlsContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The JDK's own HTTPS server on loopback, serving "ok" with a run's server credentials (HTTP/1.1 only). */
final class LoopbackHttpsServer implements AutoCloseable {
    private final HttpsServer server;

    LoopbackHttpsServer(ServerCredentials credentials) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(
                new HttpsConfigurator(TlsContexts.server(credentials.certificateChain(), credentials.privateKey())));
        server.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url(String host) {
        return URI.create("https://" + host + ":" + port() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
