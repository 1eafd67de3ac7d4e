package io.authbench.serverbench.jmh;

import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import okhttp3.OkHttpClient;

/**
 * Calls the Kotlin SDK's suspend functions from Java with a bound: sdk-for-kotlin 6.1.0 never resumes a call whose
 * response it cannot parse (appwrite-1.6-contract §11.1), so every call waits at most {@link #TIMEOUT}.
 */
final class SdkCalls {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private SdkCalls() {
    }

    /** A client for {@code endpoint} whose OkHttp timeouts are also bounded. */
    static Client client(String endpoint, String project) {
        Client client = new Client().setEndpoint(endpoint).setProject(project);
        client.setHttp(new OkHttpClient.Builder().connectTimeout(TIMEOUT).readTimeout(TIMEOUT).writeTimeout(TIMEOUT)
                .callTimeout(TIMEOUT).build());
        return client;
    }

    /** One SDK suspend function, called with the continuation that receives its result. */
    @FunctionalInterface
    interface SuspendCall<T> {
        Object call(Continuation<T> done) throws Exception;
    }

    @SuppressWarnings("unchecked")
    static <T> T await(String what, SuspendCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Object immediate = call.call(new CoroutineCallback<T>((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }, EmptyCoroutineContext.INSTANCE));
        if (immediate != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
            return (T) immediate;
        }
        try {
            return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " got no answer within " + TIMEOUT.toSeconds() + " s (the SDK waits"
                    + " forever on a response it cannot parse).");
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage());
        }
    }
}
