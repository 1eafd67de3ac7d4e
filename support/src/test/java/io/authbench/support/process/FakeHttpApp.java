package io.authbench.support.process;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A child for {@link ReadinessTest}: an HTTP server on the given port that answers 503 for its first
 * {@code busyMillis}, then 200, and never prints a LISTENING line (as a third-party app would not).
 * Args: {@code port busyMillis}.
 */
public final class FakeHttpApp {
    private FakeHttpApp() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long readyAt = System.currentTimeMillis() + Long.parseLong(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", exchange -> {
            int status = System.currentTimeMillis() < readyAt ? 503 : 200;
            byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.err.println("fake app serving on " + port);
        Thread.sleep(Long.MAX_VALUE);
    }
}
