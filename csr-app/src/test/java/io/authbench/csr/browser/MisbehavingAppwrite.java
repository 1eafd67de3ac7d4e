package io.authbench.csr.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test double for an Appwrite that misbehaves in ways the real emulator never does: it answers CORS
 * preflights properly (so the browser sends the real request) and then either never answers or answers
 * garbage. JDK HttpServer on loopback port 0, as docs/contributing.md#test-doubles advises.
 */
final class MisbehavingAppwrite implements AutoCloseable {
    enum Behaviour {
        /** Accepts the request and never sends a response. */
        SILENT,
        /** Answers 200 with {@code Content-Type: application/json} and a body that is not JSON. */
        GARBAGE
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<HttpExchange> heldOpen = new CopyOnWriteArrayList<>();

    MisbehavingAppwrite(Behaviour behaviour) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(exchange, behaviour));
        server.start();
    }

    /** The endpoint as the browser should use it. */
    URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/v1");
    }

    private void handle(HttpExchange exchange, Behaviour behaviour) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        var headers = exchange.getResponseHeaders();
        if (origin != null) {
            headers.set("Access-Control-Allow-Origin", origin);
            headers.set("Access-Control-Allow-Credentials", "true");
        }
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            String requested = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
            headers.set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
            if (requested != null) {
                headers.set("Access-Control-Allow-Headers", requested);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        switch (behaviour) {
            case SILENT -> heldOpen.add(exchange);
            case GARBAGE -> {
                byte[] body = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
                headers.set("Content-Type", "application/json; charset=UTF-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            }
        }
    }

    @Override
    public void close() {
        heldOpen.forEach(HttpExchange::close);
        server.stop(0);
        threads.shutdownNow();
    }
}
