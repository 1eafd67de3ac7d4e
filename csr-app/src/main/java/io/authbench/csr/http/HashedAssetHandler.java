package io.authbench.csr.http;

import io.authbench.csr.page.Asset;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.Map;

/**
 * Serves the bundle's content-hashed files. Their names change whenever their bytes do, so browsers may
 * keep them for a year without asking again. Anything else goes to {@code next}.
 */
public final class HashedAssetHandler implements HttpHandler {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Map<String, Asset> assetsByPath;
    private final HttpHandler next;

    public HashedAssetHandler(Map<String, Asset> assetsByPath, HttpHandler next) {
        this.assetsByPath = Map.copyOf(assetsByPath);
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Asset asset = assetsByPath.get(exchange.getRequestPath());
        boolean readOnly = exchange.getRequestMethod().equals(Methods.GET)
                || exchange.getRequestMethod().equals(Methods.HEAD);
        if (asset == null || !readOnly) {
            next.handleRequest(exchange);
            return;
        }
        AssetSender.send(exchange, asset, IMMUTABLE);
    }
}
