package io.authbench.testsupport.appwrite;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test double for an Appwrite that misbehaves in ways the real emulator never does, one {@link Behaviour} per
 * instance, for every request to any path. It is a real HTTP server (the JDK's) on loopback port 0; close it after
 * use. CORS preflights are answered properly in every behaviour, so a browser sends the real request and meets the
 * misbehaviour, as it would meet a real Appwrite's.
 *
 * <pre>{@code
 * try (MisbehavingAppwrite silent = new MisbehavingAppwrite(MisbehavingAppwrite.Behaviour.SILENT)) {
 *     startApp("--appwrite-endpoint", silent.endpoint().toString());
 * }
 * }</pre>
 */
public final class MisbehavingAppwrite implements AutoCloseable {
    /** What every request gets. */
    public enum Behaviour {
        /** Accepts the request and never answers (until {@link #close()}): a stalled Appwrite or proxy. */
        SILENT,
        /** Answers 200 with {@code Content-Type: application/json} and an HTML body: a proxy's page, not JSON. */
        NOT_JSON,
        /** Answers 200 with JSON that is not the model asked for ({@code {"$id":"only-an-id"}}): no SDK can read it. */
        WRONG_SHAPE,
        /**
         * Answers 500 in Appwrite's error format ({@code message}, {@code code}, {@code type}, {@code version}),
         * type {@code general_unknown}, as Appwrite does on an internal failure (docs/appwrite-behaviour.md#error-model).
         */
        SERVER_ERROR
    }

    /** The body of {@link Behaviour#SERVER_ERROR}: Appwrite 1.6's error object, keys in Appwrite's order. */
    public static final String SERVER_ERROR_BODY = "{\"message\":\"An unknown error has occurred. Please check the logs"
            + " for more information.\",\"code\":500,\"type\":\"general_unknown\",\"version\":\"1.6.2\"}";
    /** The body of {@link Behaviour#NOT_JSON}. */
    public static final String NOT_JSON_BODY = "<html>502 Bad Gateway</html>";
    /** The body of {@link Behaviour#WRONG_SHAPE}. */
    public static final String WRONG_SHAPE_BODY = "{\"$id\":\"only-an-id\"}";
    /** A silent double holds at most this many requests open; it closes any beyond them at once. */
    static final int MAX_HELD_OPEN = 64;

    private final Behaviour behaviour;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "misbehaving-appwrite");
        thread.setDaemon(true);
        return thread;
    });
    private final List<HttpExchange> heldOpen = new ArrayList<>();

    public MisbehavingAppwrite(Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the misbehaving Appwrite on loopback: " + e.getMessage(), e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API endpoint as apps and browsers use it, e.g. {@code http://localhost:41234/v1}. */
    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/v1");
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Headers headers = exchange.getResponseHeaders();
        String origin = exchange.getRequestHeaders().getFirst("Origin");
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
            case SILENT -> holdOpen(exchange);
            case NOT_JSON -> JsonAnswer.send(exchange, 200, NOT_JSON_BODY);
            case WRONG_SHAPE -> JsonAnswer.send(exchange, 200, WRONG_SHAPE_BODY);
            case SERVER_ERROR -> {
                // Appwrite sends these with every error.
                headers.set("Cache-Control", "no-cache, no-store, must-revalidate");
                headers.set("Expires", "0");
                headers.set("Pragma", "no-cache");
                JsonAnswer.send(exchange, 500, SERVER_ERROR_BODY);
            }
        }
    }

    private void holdOpen(HttpExchange exchange) {
        synchronized (heldOpen) {
            if (heldOpen.size() < MAX_HELD_OPEN) {
                heldOpen.add(exchange);
                return;
            }
        }
        exchange.close();
    }

    /** Closes every request held open, stops the server and its threads. */
    @Override
    public void close() {
        synchronized (heldOpen) {
            heldOpen.forEach(HttpExchange::close);
            heldOpen.clear();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
