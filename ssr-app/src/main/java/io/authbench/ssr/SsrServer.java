package io.authbench.ssr;

import io.authbench.ssr.appwrite.AppwriteGateway;
import io.authbench.ssr.http.BodyReadHandler;
import io.authbench.ssr.http.InjectedDelayHandler;
import io.authbench.ssr.http.InternalErrorHandler;
import io.authbench.ssr.http.OriginCheckHandler;
import io.authbench.ssr.http.RequestLogHandler;
import io.authbench.ssr.http.SecurityHeadersHandler;
import io.authbench.ssr.http.ServerTimingHandler;
import io.authbench.ssr.route.PageRoutes;
import io.authbench.ssr.session.SessionCookie;
import io.authbench.tls.TlsContexts;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Consumer;
import org.xnio.Options;

/**
 * The SSR app: an Undertow server whose handler chain is built in {@link #handlerChain()}. Start it with
 * {@link #start}, read the bound address from {@link #url()}, stop it with {@link #close()}.
 */
public final class SsrServer implements AutoCloseable {
    // The routes block on Appwrite calls (bounded by the upstream timeout); Undertow's default of 8 workers per
    // core would cap concurrent page views far below what the load phase asks for on a slow app→Appwrite link.
    private static final int WORKER_THREADS = 64;
    /**
     * Request headers must be complete this long after their first byte. They are parsed on the I/O threads, so this
     * bounds only how long a half-sent request keeps its connection.
     */
    private static final int HEADER_TIMEOUT_MILLIS = 10_000;
    /** Idle keep-alive connections, and reads or writes that stall, end after this: nothing stays open for good. */
    private static final int IO_TIMEOUT_MILLIS = 60_000;

    private final SsrConfig config;
    private final Consumer<String> log;
    private final AppwriteGateway appwrite;
    private final Undertow undertow;
    private final URI url;

    private SsrServer(SsrConfig config, Consumer<String> log) {
        this.config = config;
        this.log = log;
        this.appwrite = new AppwriteGateway(
                config.endpoint(),
                config.project(),
                config.apiKey(),
                config.upstreamTimeout(),
                config.appwriteCa() == null ? null : TlsContexts.trustManager(config.appwriteCa()),
                log);
        Undertow.Builder builder = Undertow.builder();
        if (config.tls() == null) {
            builder.addHttpListener(config.port(), config.host());
        } else {
            // TLS ends here, as at a production app's edge: the browser↔app link carries it unchanged, so its
            // handshake pays the link's round trips. h2 through ALPN; HTTP/1.1 for clients that do not offer it.
            builder.addHttpsListener(config.port(), config.host(), config.tls().sslContext())
                    .setServerOption(UndertowOptions.ENABLE_HTTP2, true);
        }
        this.undertow = builder.setWorkerThreads(WORKER_THREADS)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, HEADER_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, BodyReadHandler.DRAIN_LIMIT_BYTES)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setSocketOption(Options.READ_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setSocketOption(Options.WRITE_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setHandler(handlerChain())
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            appwrite.close();
            throw e;
        }
        // Said once at start-up, so a log never hides that this app was slowed on purpose.
        config.injectedDelays()
                .forEach(d -> log.accept("--inject-delay: every request for " + d.path() + " waits "
                        + d.delay().toMillis() + " ms before it is handled (a deliberate slowdown)"));
        InetSocketAddress bound =
                (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        this.url = URI.create(
                (config.tls() == null ? "http://" : "https://") + hostForUrl(config.host()) + ":" + bound.getPort());
    }

    /** Starts listening; throws if the address cannot be bound. */
    public static SsrServer start(SsrConfig config, Consumer<String> log) {
        return new SsrServer(config, log);
    }

    /**
     * The order requests pass through, outermost first: optional request log, the body read on the I/O thread (so a
     * slow client holds no worker), a worker thread (routes block on Appwrite), security headers, the 500 safety net,
     * Server-Timing, the Origin check (before any route, so a cross-site POST never reaches Appwrite), with
     * {@code --inject-delay} its wait, then the routes.
     */
    private HttpHandler handlerChain() {
        HttpHandler routes =
                PageRoutes.create(appwrite, new SessionCookie(config.cookiePolicy()), config.upstreamTimeout(), log);
        if (!config.injectedDelays().isEmpty()) {
            routes = new InjectedDelayHandler(routes, config.injectedDelays());
        }
        HttpHandler chain = new BodyReadHandler(new BlockingHandler(new SecurityHeadersHandler(
                new InternalErrorHandler(new ServerTimingHandler(new OriginCheckHandler(routes)), log))));
        return config.requestLog() ? new RequestLogHandler(chain, log) : chain;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        undertow.stop();
        appwrite.close();
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
