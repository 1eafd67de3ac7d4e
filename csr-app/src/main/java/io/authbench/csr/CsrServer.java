package io.authbench.csr;

import io.authbench.csr.cli.CsrOptions;
import io.authbench.csr.http.HashedAssetHandler;
import io.authbench.csr.http.NotFoundHandler;
import io.authbench.csr.http.RequestLog;
import io.authbench.csr.http.SecurityHeadersHandler;
import io.authbench.csr.http.SpaFallbackHandler;
import io.authbench.csr.http.TextCompression;
import io.authbench.csr.http.UnwantedBodyHandler;
import io.authbench.csr.page.Asset;
import io.authbench.csr.page.ContentSecurityPolicy;
import io.authbench.csr.page.FrontEndBundle;
import io.authbench.csr.page.IndexPage;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import org.xnio.Options;

/**
 * The CSR app's HTTP server: it only serves files (the hashed bundle and index.html for every app
 * route). It holds no secret and never calls Appwrite; the browser does.
 */
public final class CsrServer implements AutoCloseable {
    /**
     * Request headers must be complete this long after their first byte, or the connection is closed. Everything
     * here runs on the I/O threads without blocking, so this bounds only how long a half-sent request keeps a
     * connection (with no bound, such connections stayed open for good).
     */
    private static final int HEADER_TIMEOUT_MILLIS = 10_000;
    /** Idle keep-alive connections, and reads or writes that stall, end after this. */
    private static final int IO_TIMEOUT_MILLIS = 60_000;

    private final Undertow undertow;
    private final URI baseUrl;

    private CsrServer(Undertow undertow, URI baseUrl) {
        this.undertow = undertow;
        this.baseUrl = baseUrl;
    }

    /**
     * Binds and starts the server.
     *
     * @param log where {@code --request-log} lines go (stdout in the real process)
     * @throws IllegalStateException if the front-end bundle is missing or the address cannot be bound
     */
    public static CsrServer start(CsrOptions options, PrintStream log) {
        FrontEndBundle bundle = FrontEndBundle.fromClasspath();
        Asset index = IndexPage.render(
                bundle,
                options.appwriteEndpoint().toString(),
                options.project(),
                options.upstreamTimeout().toMillis());
        String csp = ContentSecurityPolicy.allowingAppwrite(options.appwriteOrigin());
        HttpHandler chain = handlerChain(bundle, index, csp);
        if (options.requestLog()) {
            chain = RequestLog.wrap(chain, log);
        }
        Undertow.Builder builder = Undertow.builder();
        if (options.tls() == null) {
            builder.addHttpListener(options.port(), options.host());
        } else {
            // TLS ends here, as at a production site's edge: the browser↔app link carries it unchanged, so its
            // handshake pays the link's round trips. h2 through ALPN; HTTP/1.1 for clients that do not offer it.
            builder.addHttpsListener(
                            options.port(), options.host(), options.tls().sslContext())
                    .setServerOption(UndertowOptions.ENABLE_HTTP2, true);
        }
        Undertow undertow = builder.setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, HEADER_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setSocketOption(Options.READ_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setSocketOption(Options.WRITE_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setHandler(chain)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow.stop();
            throw new IllegalStateException(
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + rootMessage(e)
                            + ". Pick another --port or --host.",
                    e);
        }
        InetSocketAddress bound =
                (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        return new CsrServer(
                undertow, baseUrl(options.tls() == null ? "http" : "https", options.host(), bound.getPort()));
    }

    /**
     * The order of the handlers, outermost first: a request with a body gets its connection closed after the answer
     * (the body is never read), security headers on everything, gzip for text, then the
     * hashed files, then index.html for page navigations, then 404.
     */
    static HttpHandler handlerChain(FrontEndBundle bundle, Asset index, String contentSecurityPolicy) {
        HttpHandler files =
                new HashedAssetHandler(bundle.assets(), new SpaFallbackHandler(index, new NotFoundHandler()));
        return new UnwantedBodyHandler(new SecurityHeadersHandler(contentSecurityPolicy, TextCompression.gzip(files)));
    }

    /** For example {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        undertow.stop();
    }

    private static URI baseUrl(String scheme, String host, int port) {
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + literal + ":" + port);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
