package io.authbench.testsupport.appwrite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How a stand-in Appwrite (a JDK {@code HttpServer} in a test) answers: a JSON body with its status, then done. */
public final class JsonAnswer {
    private JsonAnswer() {}

    /** Sends {@code json} with {@code status} as {@code application/json; charset=UTF-8} and closes the exchange. */
    public static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
