package io.authbench.ssr.appwrite;

import io.authbench.tls.TlsContexts;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one OkHttpClient every Appwrite SDK {@code Client} of this app uses, so connections to Appwrite are pooled
 * and reused across requests (the SDK would otherwise build a new client, and a new connection, per Client).
 *
 * <p>It also catches the SDK's worst failure mode: on a response it cannot parse (missing field, wrong type, not
 * JSON) sdk-for-kotlin 6.1.0 throws inside OkHttp's callback, the coroutine is never resumed and the call would
 * hang forever. Each call therefore carries a call id header (removed again before the request leaves); the
 * dispatcher thread remembers the id, and when the SDK's exception kills that thread, the pending call is failed
 * at once as {@link UpstreamFailure.Kind#BAD_RESPONSE} instead of waiting for the timeout.
 */
final class UpstreamHttp implements AutoCloseable {
    /** Private to this process: added by {@link AppwriteGateway}, removed by {@link #tagDispatcherThread}. */
    static final String CALL_ID_HEADER = "x-authbench-call-id";

    // Enough for the load phase: the defaults (5 idle connections, 5 concurrent calls per host) would queue
    // requests and reopen connections under concurrency, which is not what a production SSR server does.
    private static final int MAX_CONCURRENT_CALLS = 256;
    private static final int MAX_IDLE_CONNECTIONS = 64;

    private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
    private final ThreadLocal<String> callOnThisThread = new ThreadLocal<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong threads = new AtomicLong();
    private final ThreadPoolExecutor executor;
    private final Consumer<String> log;
    final OkHttpClient client;

    record PendingCall(String name, CompletableFuture<?> result) {}

    /**
     * @param appwriteTrust the authorities an https Appwrite endpoint is verified against; {@code null}: the JDK's
     *                      public ones. Verification and host-name checks stay on either way.
     */
    UpstreamHttp(Duration timeout, X509TrustManager appwriteTrust, Consumer<String> log) {
        this.log = log;
        // OkHttp's own dispatcher executor, but with daemon threads that report an SDK crash to us.
        this.executor = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "appwrite-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setUncaughtExceptionHandler((t, e) -> onSdkCrash(e));
                    return thread;
                });
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (appwriteTrust != null) {
            builder.sslSocketFactory(TlsContexts.trusting(appwriteTrust).getSocketFactory(), appwriteTrust);
        }
        this.client = builder.dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .addInterceptor(this::tagDispatcherThread)
                .build();
    }

    /** Registers a call about to start; the returned id goes into {@link #CALL_ID_HEADER}. */
    String register(String name, CompletableFuture<?> result) {
        String id = Long.toString(ids.incrementAndGet());
        pending.put(id, new PendingCall(name, result));
        return id;
    }

    void unregister(String id) {
        pending.remove(id);
    }

    private Response tagDispatcherThread(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        callOnThisThread.set(request.header(CALL_ID_HEADER));
        return chain.proceed(request.newBuilder().removeHeader(CALL_ID_HEADER).build());
    }

    private void onSdkCrash(Throwable error) {
        String id = callOnThisThread.get();
        PendingCall call = id == null ? null : pending.remove(id);
        String name = call == null ? "an Appwrite call" : call.name();
        // The class name only: messages of parse errors are safe today, but a body fragment must never reach a log.
        log.accept(name + ": the Appwrite SDK could not read the response ("
                + error.getClass().getSimpleName() + "); answering with an error page");
        if (call != null) {
            call.result()
                    .completeExceptionally(new UpstreamFailure(
                            name,
                            UpstreamFailure.Kind.BAD_RESPONSE,
                            "the SDK could not read the response: "
                                    + error.getClass().getSimpleName(),
                            null));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        client.connectionPool().evictAll();
    }
}
