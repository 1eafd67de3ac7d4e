package io.authbench.nextjs;

import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.models.SessionList;
import io.appwrite.models.User;
import io.appwrite.services.Users;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import io.authbench.support.process.TestClasspath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * The real Appwrite emulator as its own process, with a random API key, and an admin (the Java/Kotlin SDK with
 * that key) that seeds users and counts their sessions through the Users API.
 */
final class Backend implements AutoCloseable {
    static final String PROJECT = "authbench";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    final String apiKey;
    final ServerProcess emulator;
    private final Users users;

    private Backend(String apiKey, ServerProcess emulator) {
        this.apiKey = apiKey;
        this.emulator = emulator;
        this.users =
                new Users(new Client(endpoint().toString()).setProject(PROJECT).setKey(apiKey));
    }

    static Backend start(Path dir) throws IOException {
        String apiKey = "standard_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        Path keyFile = Files.writeString(Files.createDirectories(dir).resolve("api.key"), apiKey + "\n");
        ServerProcess emulator = ServerProcess.start(
                ServerSpec.javaMain(
                        "appwrite-emulator",
                        TestClasspath.current(),
                        "io.authbench.emulator.EmulatorMain",
                        List.of(
                                "--port",
                                "0",
                                "--project",
                                PROJECT,
                                "--api-key-file",
                                keyFile.toString(),
                                "--password-hash",
                                "fast")),
                dir.resolve("logs"));
        return new Backend(apiKey, emulator);
    }

    /** The emulator's API base on host name localhost, so its cookies are same-site with the apps on localhost. */
    URI endpoint() {
        return URI.create(emulator.url().toString().replace("://127.0.0.1:", "://localhost:"));
    }

    /** @return the new user's id */
    String createUser(String email, String password, String name) {
        User<Map<String, Object>> user = call(
                "users.create", continuation -> users.create("unique()", email, null, password, name, continuation));
        return user.getId();
    }

    long sessionCount(String userId) {
        SessionList sessions = call("users.listSessions", continuation -> users.listSessions(userId, continuation));
        return sessions.getTotal();
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        Object start(Continuation<T> continuation) throws Exception;
    }

    /** A suspend function of the SDK, awaited for at most CALL_TIMEOUT. */
    @SuppressWarnings("unchecked")
    private <T> T call(String what, SdkCall<T> sdkCall) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            Object immediate = sdkCall.start(new CoroutineCallback<>((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            }));
            if (immediate != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
                result.complete((T) immediate);
            }
            return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(what + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
