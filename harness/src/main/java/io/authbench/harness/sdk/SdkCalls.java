package io.authbench.harness.sdk;

import io.appwrite.coroutines.CoroutineCallback;
import java.util.concurrent.CompletableFuture;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * Calls the Appwrite Kotlin SDK's methods from Java. They are Kotlin suspending functions: called with a continuation,
 * such a method either returns {@code COROUTINE_SUSPENDED} and later hands its answer to the continuation, or — when
 * the answer arrived before the calling thread got to suspend (OkHttp's thread did the whole exchange while this one
 * was not running, as happens now and then on a busy 2-core machine) — returns its result, or throws its failure,
 * right away and never calls the continuation. Code that only waits for the continuation takes such an answer for no
 * answer at all.
 */
public final class SdkCalls {
    private SdkCalls() {}

    /** One SDK method, called with the continuation that receives its answer. */
    @FunctionalInterface
    public interface Call<T> {
        /** Returns what the suspending function returned: its result, or {@code COROUTINE_SUSPENDED}. */
        Object start(Continuation<T> continuation) throws Exception;
    }

    /**
     * Starts {@code call}; its answer, however it comes, completes the future (the SDK waits forever on a response it
     * cannot parse, so callers bound the wait).
     */
    @SuppressWarnings("unchecked")
    public static <T> CompletableFuture<T> start(Call<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            Object immediate = call.start(new CoroutineCallback<T>((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            }));
            if (immediate != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
                result.complete((T) immediate); // finished without suspending
            }
        } catch (Exception e) {
            // Thrown before the request was sent, or the failure of a call that finished without suspending, which
            // Kotlin throws as is, checked or not (a refused connection arrives as a plain ConnectException).
            result.completeExceptionally(e);
        }
        return result;
    }
}
