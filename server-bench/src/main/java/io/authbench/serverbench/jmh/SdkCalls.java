package io.authbench.serverbench.jmh;

import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Calls the Kotlin SDK's suspend functions from Java with a bound: sdk-for-kotlin 6.1.0 never resumes a call whose
 * response it cannot parse (docs/appwrite-behaviour.md#kotlin-server-sdk), so every call waits at most {@link
 * #TIMEOUT}.
 */
final class SdkCalls {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private SdkCalls() {}

    /**
     * A client for {@code endpoint} on {@code http}, the benchmark thread's own OkHttp client (one connection pool,
     * kept alive across calls: the benchmark measures the auth round trip, not connection set-up).
     */
    static Client client(String endpoint, String project, OkHttpClient http) {
        Client client = new Client().setEndpoint(endpoint).setProject(project);
        client.setHttp(http);
        return client;
    }

    /**
     * An OkHttp client whose timeouts are bounded and whose dispatcher threads are daemons. OkHttp's default
     * dispatcher threads are not, and idle ones live 60 s: a JMH fork would then not exit, and JMH waits up to 30 s
     * per fork for it before giving up ("forked VM did not exit, are there stray running threads?").
     */
    static OkHttpClient http() {
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "OkHttp Dispatcher (benchmark)");
            thread.setDaemon(true);
            return thread;
        };
        return new OkHttpClient.Builder()
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .writeTimeout(TIMEOUT)
                .callTimeout(TIMEOUT)
                .dispatcher(new Dispatcher(Executors.newCachedThreadPool(daemons)))
                .build();
    }

    /**
     * {@code GET <endpoint>/account} with the headers sdk-for-kotlin 6.1.0 sends for {@code account.get()} on a
     * session client, for the benchmark that leaves the SDK out.
     */
    static Request plainAccountGet(String endpoint, String project, String sessionSecret) {
        return new Request.Builder()
                .url(endpoint.replaceAll("/+$", "") + "/account")
                .get()
                .header("content-type", "application/json")
                .header("user-agent", "AppwriteKotlinSDK/6.1.0 " + System.getProperty("http.agent"))
                .header("x-sdk-name", "Kotlin")
                .header("x-sdk-platform", "server")
                .header("x-sdk-language", "kotlin")
                .header("x-sdk-version", "6.1.0")
                .header("x-appwrite-response-format", "1.6.0")
                .header("x-appwrite-project", project)
                .header("x-appwrite-session", sessionSecret)
                .build();
    }

    /** Stops the client's dispatcher threads and closes its pooled connections. */
    static void close(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** One SDK suspend function, called with the continuation that receives its result. */
    @FunctionalInterface
    interface SuspendCall<T> {
        Object call(Continuation<T> done) throws Exception;
    }

    @SuppressWarnings("unchecked")
    static <T> T await(String what, SuspendCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Object immediate = call.call(new CoroutineCallback<T>(
                (value, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                },
                EmptyCoroutineContext.INSTANCE));
        if (immediate != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
            return (T) immediate;
        }
        try {
            return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " got no answer within " + TIMEOUT.toSeconds() + " s (the SDK waits"
                    + " forever on a response it cannot parse).");
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    what + " failed: " + e.getCause().getClass().getSimpleName() + ": "
                            + e.getCause().getMessage());
        }
    }
}
