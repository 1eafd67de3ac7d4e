package io.authbench.harness.stack;

import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.services.Users;
import io.authbench.harness.flow.IssuedSession;
import io.authbench.harness.flow.TestUser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates test users through Appwrite's Users API with the real Java/Kotlin SDK and the project's API key, as a
 * real deployment's back office would. Each SDK call is bounded: sdk-for-kotlin 6.1.0 waits forever on a response
 * it cannot parse (appwrite-1.6-contract §11.1).
 */
public final class UserSeeder {
    private final Users users;
    private final Duration callTimeout;
    private final String runTag;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    /** Appwrite hashes each new password (argon2): two requests at a time use both cores of a small machine. */
    static final int PARALLEL_REQUESTS = 2;

    /**
     * @param apiBase Appwrite's API base (the emulator directly: seeding is set-up, not measured)
     * @param runTag  makes e-mail addresses unique across runs against the same backend
     */
    public UserSeeder(URI apiBase, String projectId, String apiKey, Duration callTimeout, String runTag) {
        Client client = new Client().setEndpoint(apiBase.toString()).setProject(projectId).setKey(apiKey);
        // OkHttp's default 10 s read timeout is shorter than Appwrite's argon2 hashing on a busy 2-core machine;
        // the CompletableFuture below bounds the call instead.
        client.setHttp(new okhttp3.OkHttpClient.Builder().connectTimeout(callTimeout).readTimeout(callTimeout)
                .writeTimeout(callTimeout).callTimeout(callTimeout).build());
        this.users = new Users(client);
        this.callTimeout = callTimeout;
        this.runTag = runTag;
    }

    /** Creates {@code count} fresh users with passwords (for measured logins), {@link #PARALLEL_REQUESTS} at a time. */
    public List<TestUser> create(int count) {
        return create(count, true);
    }

    /**
     * Creates {@code count} fresh users, {@link #PARALLEL_REQUESTS} at a time (set-up only: nothing is measured
     * meanwhile). Without a password a user costs Appwrite no hash; such users only ever get {@link #createSession}.
     */
    public List<TestUser> create(int count, boolean withPassword) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL_REQUESTS, r -> {
            Thread thread = new Thread(r, "authbench-seeder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<java.util.concurrent.Future<TestUser>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> createOne(withPassword)));
            }
            List<TestUser> created = new ArrayList<>(count);
            for (java.util.concurrent.Future<TestUser> future : futures) {
                created.add(future.get());
            }
            return created;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SeedingException s ? s : new SeedingException("creating test users failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("interrupted while creating test users");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates one fresh user with a unique e-mail address and a random password. */
    public TestUser createOne() {
        return createOne(true);
    }

    private TestUser createOne(boolean withPassword) {
        int n = next.getAndIncrement();
        String email = "user" + n + "-" + runTag + "@authbench.test";
        String password = withPassword ? randomPassword() : null;
        String name = "Ada Lovelace " + n;
        io.appwrite.models.User<?> created = call("creating a test user", callback ->
                users.create("unique()", email, null, password, name, callback));
        return new TestUser(created.getId(), email, password, name);
    }

    /**
     * A new session of {@code user} through the Users API ({@code POST /v1/users/:userId/sessions}): no password, no
     * hash, no login rate limit. For set-up sign-ins; the caller hands it to the browser as the pattern's cookie.
     */
    public IssuedSession createSession(TestUser user) {
        io.appwrite.models.Session session = call("creating a set-up session for " + user.email(), callback ->
                users.createSession(user.id(), callback));
        Instant expire;
        try {
            expire = OffsetDateTime.parse(session.getExpire()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            expire = Instant.now().plus(Duration.ofDays(365)); // Appwrite's default session length
        }
        return IssuedSession.of(user.id(), session.getSecret(), expire);
    }

    /** One SDK call, bounded by the call timeout; failures become a {@link SeedingException} naming {@code what}. */
    private <T> T call(String what, SdkCall<T> sdkCall) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            sdkCall.start(new CoroutineCallback<T>((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            }));
        } catch (AppwriteException e) {
            throw new SeedingException(what + " failed: " + describe(e));
        }
        try {
            return result.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SeedingException(what + " got no answer from Appwrite within " + callTimeout.toSeconds()
                    + " s (the SDK waits forever on a response it cannot parse); check the Appwrite endpoint");
        } catch (ExecutionException e) {
            throw new SeedingException(what + " failed: " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("interrupted while " + what);
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        void start(CoroutineCallback<T> callback) throws AppwriteException;
    }

    private static String describe(Throwable error) {
        if (error instanceof AppwriteException a) {
            return "Appwrite answered " + a.getCode() + " " + a.getType() + ": " + a.getMessage();
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new java.security.SecureRandom().nextBytes(bytes);
        return "pw-" + java.util.HexFormat.of().formatHex(bytes);
    }

    /** Users could not be created; the message says why and what to check. */
    public static final class SeedingException extends RuntimeException {
        public SeedingException(String message) {
            super(message);
        }
    }
}
