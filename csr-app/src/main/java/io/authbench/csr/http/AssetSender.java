package io.authbench.csr.http;

import io.authbench.csr.page.Asset;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;

/** Sends an in-memory {@link Asset} with its validators; answers 304 when the browser already has it. */
final class AssetSender {
    private AssetSender() {}

    static void send(HttpServerExchange exchange, Asset asset, String cacheControl) {
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.CACHE_CONTROL, cacheControl);
        headers.put(Headers.ETAG, asset.etag());
        // The body differs by Accept-Encoding (gzip), so caches must key on it.
        headers.put(Headers.VARY, Headers.ACCEPT_ENCODING_STRING);
        if (matches(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH), asset.etag())) {
            exchange.setStatusCode(StatusCodes.NOT_MODIFIED);
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_TYPE, asset.contentType());
        headers.put(Headers.CONTENT_LENGTH, asset.body().length);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(asset.body()));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = opaqueTag(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaqueTag(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    // If-None-Match uses the weak comparison: W/"x" and "x" match.
    private static String opaqueTag(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
