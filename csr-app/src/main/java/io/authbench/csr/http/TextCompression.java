package io.authbench.csr.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * gzip for text responses (HTML, JavaScript, CSS) when the browser accepts it. Small bodies are sent
 * as is: below about 1 kB the gzip header costs more than it saves (Appwrite uses the same threshold).
 */
public final class TextCompression {
    static final long MIN_BYTES = 1024;

    private TextCompression() {}

    public static HttpHandler gzip(HttpHandler next) {
        ContentEncodingRepository encodings = new ContentEncodingRepository()
                .addEncodingHandler("gzip", new GzipEncodingProvider(), 50, TextCompression::worthCompressing);
        return new EncodingHandler(next, encodings);
    }

    // An Undertow Predicate, evaluated when the response starts, so the response headers are known here.
    static boolean worthCompressing(HttpServerExchange exchange) {
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            return false; // no body to compress, and the Content-Length must stay true
        }
        String type = exchange.getResponseHeaders().getFirst(Headers.CONTENT_TYPE);
        String length = exchange.getResponseHeaders().getFirst(Headers.CONTENT_LENGTH);
        boolean text =
                type != null && (type.startsWith("text/") || type.contains("javascript") || type.contains("json"));
        return text && (length == null || Long.parseLong(length) >= MIN_BYTES);
    }
}
