package io.authbench.ssr.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code --request-log}: one line per request with method, path, status and time. Off by default: a server under
 * load would otherwise measure its own logging. The query string and headers are left out (cookies are secrets).
 */
public final class RequestLogHandler implements HttpHandler {
    private final HttpHandler next;
    private final Consumer<String> log;

    public RequestLogHandler(HttpHandler next, Consumer<String> log) {
        this.next = next;
        this.log = log;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            log.accept(String.format(
                    Locale.ROOT,
                    "%s %s %d %.1fms",
                    done.getRequestMethod(),
                    LogText.safe(done.getRequestPath()),
                    done.getStatusCode(),
                    (System.nanoTime() - start) / 1_000_000.0));
            nextListener.proceed();
        });
        next.handleRequest(exchange);
    }
}
