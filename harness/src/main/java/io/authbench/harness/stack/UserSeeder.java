package io.authbench.harness.stack;

import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.services.Users;
import io.authbench.harness.flow.TestUser;
import java.net.URI;
import java.time.Duration;
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
    private int next;

    /**
     * @param apiBase Appwrite's API base (the emulator directly: seeding is set-up, not measured)
     * @param runTag  makes e-mail addresses unique across runs against the same backend
     */
    public UserSeeder(URI apiBase, String projectId, String apiKey, Duration callTimeout, String runTag) {
        Client client = new Client().setEndpoint(apiBase.toString()).setProject(projectId).setKey(apiKey);
        this.users = new Users(client);
        this.callTimeout = callTimeout;
        this.runTag = runTag;
    }

    /** Creates {@code count} fresh users. */
    public List<TestUser> create(int count) {
        List<TestUser> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(createOne());
        }
        return created;
    }

    /** Creates one fresh user with a unique e-mail address and a random password. */
    public TestUser createOne() {
        int n = next++;
        TestUser user = new TestUser("user" + n + "-" + runTag + "@authbench.test", randomPassword(),
                "Ada Lovelace " + n);
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            users.create("unique()", user.email(), null, user.password(), user.name(),
                    new CoroutineCallback<>((created, error) -> {
                        if (error != null) {
                            result.completeExceptionally(error);
                        } else {
                            result.complete(created);
                        }
                    }));
        } catch (AppwriteException e) {
            throw new SeedingException("creating a test user failed: " + describe(e));
        }
        try {
            result.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return user;
        } catch (TimeoutException e) {
            throw new SeedingException("creating a test user got no answer from Appwrite within " + callTimeout.toSeconds()
                    + " s (the SDK waits forever on a response it cannot parse); check the Appwrite endpoint");
        } catch (ExecutionException e) {
            throw new SeedingException("creating a test user failed: " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("interrupted while creating test users");
        }
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
