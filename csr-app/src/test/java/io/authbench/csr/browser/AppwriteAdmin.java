package io.authbench.csr.browser;

import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.models.SessionList;
import io.appwrite.models.User;
import io.appwrite.services.Users;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * The tests' admin: seeds users and reads their sessions through the real Users API with the Java/Kotlin SDK
 * and the API key, as an Appwrite console user would. Every call is bounded: the SDK waits forever on a
 * response it cannot parse (docs/appwrite-behaviour.md#kotlin-server-sdk).
 */
final class AppwriteAdmin {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Users users;

    AppwriteAdmin(URI endpoint, String project, String apiKey) {
        this.users = new Users(new Client()
                .setEndpoint(endpoint.toString())
                .setProject(project)
                .setKey(apiKey));
    }

    /** @return the new user's id */
    String createUser(String email, String password, String name) {
        return this.<User<Map<String, Object>>>call(
                        "users.create",
                        continuation -> users.create("unique()", email, null, password, name, continuation))
                .getId();
    }

    long sessionCount(String userId) {
        return this.<SessionList>call("users.listSessions", continuation -> users.listSessions(userId, continuation))
                .getTotal();
    }

    /** A suspend function of the SDK, called from Java with an explicit continuation. */
    @FunctionalInterface
    private interface SdkCall<T> {
        Object start(Continuation<T> continuation) throws Exception;
    }

    private <T> T call(String what, SdkCall<T> sdkCall) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Object immediate;
        try {
            immediate = sdkCall.start(new CoroutineCallback<>((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            }));
        } catch (Exception e) {
            throw new AssertionError(what + " failed: " + e, e);
        }
        if (immediate != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
            @SuppressWarnings("unchecked")
            T value = (T) immediate;
            result.complete(value);
        }
        try {
            return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    what + " got no answer from the emulator within " + CALL_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " was interrupted", e);
        }
    }
}
