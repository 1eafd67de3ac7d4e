package io.authbench.emulator;

import io.appwrite.Client;
import io.appwrite.coroutines.Callback;
import io.appwrite.coroutines.CoroutineCallback;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * Calls the Kotlin SDK's suspend functions synchronously from Java, each bounded by a timeout: the SDK never resumes
 * its coroutine when it cannot parse a response (docs/appwrite-behaviour.md#kotlin-server-sdk), and a test must fail,
 * not hang, when that happens.
 */
final class Sdk {
    static final long TIMEOUT_SECONDS = 10;

    /** A suspend function of the SDK, given its continuation: {@code c -> account.get(c)}. */
    @FunctionalInterface
    interface SuspendCall<T> {
        Object invoke(Continuation<T> continuation) throws Exception;
    }

    private Sdk() {}

    static Client client(TestEmulator emulator) {
        return new Client(emulator.baseUrl()).setProject(TestEmulator.PROJECT);
    }

    static Client adminClient(TestEmulator emulator) {
        return client(emulator).setKey(TestEmulator.API_KEY);
    }

    static Client sessionClient(TestEmulator emulator, String session) {
        return client(emulator).setSession(session);
    }

    /**
     * Runs {@code call} (e.g. {@code c -> account.get(c)}) and waits for its result.
     *
     * @throws io.appwrite.exceptions.AppwriteException when the SDK reports an API error
     */
    @SuppressWarnings("unchecked")
    static <T> T await(SuspendCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Callback<T> callback = (value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        };
        Object immediate = call.invoke(new CoroutineCallback<>(callback));
        if (immediate != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
            return (T) immediate;
        }
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "the SDK call did not complete within " + TIMEOUT_SECONDS + " s: it probably "
                            + "could not parse the emulator's response (a missing or null field)",
                    e);
        }
    }
}
