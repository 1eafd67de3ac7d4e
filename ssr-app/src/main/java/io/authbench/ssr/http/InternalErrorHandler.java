package io.authbench.ssr.http;

import io.authbench.ssr.view.MessagePage;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.function.Consumer;

/** A bug in a route becomes a 500 page and one log line, never a stack trace in the page or a hung request. */
public final class InternalErrorHandler implements HttpHandler {
    private final HttpHandler next;
    private final Consumer<String> log;

    public InternalErrorHandler(HttpHandler next, Consumer<String> log) {
        this.next = next;
        this.log = log;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Exception | LinkageError e) {
            // The class and our own message only: nothing here comes from a request body or a secret.
            log.accept("internal error on " + exchange.getRequestMethod() + " "
                    + LogText.safe(exchange.getRequestPath()) + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            if (!exchange.isResponseStarted()) {
                exchange.getResponseHeaders().clear();
                Responses.html(
                        exchange,
                        StatusCodes.INTERNAL_SERVER_ERROR,
                        new MessagePage("Something went wrong", "The app failed to handle this request.").html());
            } else {
                exchange.endExchange();
            }
        }
    }
}
