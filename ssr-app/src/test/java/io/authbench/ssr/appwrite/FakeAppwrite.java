package io.authbench.ssr.appwrite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers like a broken Appwrite (the real emulator never does): garbage bodies,
 * half-documents, silence. A test double only for the failure modes; happy paths run against the real emulator.
 * It also records which client connections (remote ports) it saw.
 */
final class FakeAppwrite implements AutoCloseable {
    private final HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private volatile Answer answer = exchange -> send(exchange, 200, "application/json", "{}");

    @FunctionalInterface
    interface Answer {
        void handle(HttpExchange exchange) throws IOException;
    }

    FakeAppwrite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-appwrite");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            answer.handle(exchange);
        });
        server.start();
    }

    void answer(Answer answer) {
        this.answer = answer;
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/v1");
    }

    int connectionsSeen() {
        return clientPorts.size();
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
