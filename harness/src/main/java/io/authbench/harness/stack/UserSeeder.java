package io.authbench.harness.stack;

import io.appwrite.Client;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.models.Session;
import io.appwrite.models.User;
import io.appwrite.services.Users;
import io.authbench.harness.backend.RateLimits;
import io.authbench.harness.flow.IssuedSession;
import io.authbench.harness.flow.TestUser;
import io.authbench.harness.http.ClientTrust;
import io.authbench.harness.sdk.SdkCalls;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Creates test users through Appwrite's Users API with the real Java/Kotlin SDK and the project's API key, as a
 * real deployment's back office would. Each SDK call is bounded: sdk-for-kotlin 6.1.0 waits forever on a response
 * it cannot parse (docs/appwrite-behaviour.md#kotlin-server-sdk).
 */
public final class UserSeeder {
    private final Users users;
    private final Duration callTimeout;
    private final String runTag;
    private final AtomicInteger next = new AtomicInteger();
    /** Ids of the users this seeder created and has not deleted yet, in creation order. */
    private final Set<String> createdIds = Collections.synchronizedSet(new LinkedHashSet<>());
    /** Appwrite's X-RateLimit-* headers of the last 429 answer, for the error message (the SDK's exception drops them). */
    private final AtomicReference<String> lastRateLimit = new AtomicReference<>();
    /**
     * The password every login user of this run shares and Appwrite's argon2 hash of it, once the first such user
     * exists: later ones are imported with the hash ({@code POST /v1/users/argon2}) and cost Appwrite no hash. Each
     * login still verifies the password at Appwrite's full cost. Null until then, or if the backend hides the hash.
     */
    private volatile HashedPassword sharedPassword;
    /** Appwrite hashes each new password (argon2): two requests at a time use both cores of a small machine. */
    static final int PARALLEL_REQUESTS = 2;

    static final int SET_UP_ATTEMPTS = 3;
    public static final Duration SET_UP_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** An attempt that makes Appwrite hash a password (argon2) may take this long on a busy machine. */
    static final Duration CREATE_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final AtomicInteger setUpRetries = new AtomicInteger();
    /** Told what got no answer, at that moment (e.g. to take the backend's thread dump); may be replaced once. */
    private volatile Consumer<String> onNoAnswer = what -> {};

    /**
     * @param apiBase Appwrite's API base (the emulator directly: seeding is set-up, not measured)
     * @param runTag  makes e-mail addresses unique across runs against the same backend
     */
    public UserSeeder(URI apiBase, String projectId, String apiKey, Duration callTimeout, String runTag) {
        this(apiBase, projectId, apiKey, callTimeout, runTag, ClientTrust.jdk());
    }

    /** As above, trusting {@code trust}'s authorities when {@code apiBase} is https (the run's own, or the JDK's). */
    public UserSeeder(
            URI apiBase, String projectId, String apiKey, Duration callTimeout, String runTag, ClientTrust trust) {
        Client client = new Client()
                .setEndpoint(apiBase.toString())
                .setProject(projectId)
                .setKey(apiKey);
        // OkHttp's default 10 s read timeout is shorter than Appwrite's argon2 hashing on a busy 2-core machine;
        // the CompletableFuture below bounds the call instead.
        client.setHttp(trust.applyTo(new okhttp3.OkHttpClient.Builder())
                .connectTimeout(callTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .callTimeout(callTimeout)
                .addNetworkInterceptor(chain -> {
                    okhttp3.Response response = chain.proceed(chain.request());
                    if (response.code() == 429) {
                        lastRateLimit.set(RateLimits.describe(
                                429, HttpHeaders.of(response.headers().toMultimap(), (name, value) -> true)));
                    }
                    return response;
                })
                .build());
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
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS, r -> {
            Thread thread = new Thread(r, "authbench-seeder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TestUser>> futures = new ArrayList<>(count);
            int first = 0;
            if (withPassword && count > 0 && sharedPassword == null) {
                // Hashed by Appwrite once; the hash then seeds the others (see sharedPassword).
                futures.add(CompletableFuture.completedFuture(createOne(true)));
                first = 1;
            }
            for (int i = first; i < count; i++) {
                futures.add(pool.submit(() -> createOne(withPassword)));
            }
            List<TestUser> created = new ArrayList<>(count);
            for (Future<TestUser> future : futures) {
                created.add(future.get());
            }
            return created;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SeedingException s
                    ? s
                    : new SeedingException("creating test users failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("interrupted while creating test users");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates one fresh user with a unique e-mail address and, if {@code withPassword}, a random password. */
    private TestUser createOne(boolean withPassword) {
        int n = next.getAndIncrement();
        String email = "user" + n + "-" + runTag + "@authbench.test";
        String name = "Ada Lovelace " + n;
        // Our own id, registered before the call: a user whose creation timed out here but happened in Appwrite
        // is still deleted afterwards (deleting one that does not exist is harmless).
        String tag = runTag.replaceAll("[^A-Za-z0-9]", "");
        String id =
                "ab-" + tag.substring(0, Math.min(tag.length(), 20)) + "-" + n; // Appwrite ids: ≤ 36 of [A-Za-z0-9._-]
        createdIds.add(id);
        HashedPassword shared = sharedPassword;
        if (withPassword && shared != null) {
            withRetries(
                    "importing a test user with its password hash",
                    callback -> users.createArgon2User(id, email, shared.hash(), name, callback),
                    attemptLimit(false),
                    e -> e.getMessage().contains("user_already_exists"));
            return new TestUser(id, email, shared.password(), name);
        }
        String password = withPassword ? randomPassword() : null;
        User<?> created = createWithRetries(id, email, password, name);
        if (password != null
                && created != null
                && created.getPassword() != null
                && created.getPassword().startsWith("$argon2")) {
            sharedPassword = new HashedPassword(password, created.getPassword());
        }
        return new TestUser(id, email, password, name);
    }

    /** A password and Appwrite's argon2 hash of it (a secret pair: never logged). */
    private record HashedPassword(String password, String hash) {
        @Override
        public String toString() {
            return "HashedPassword[hidden]";
        }
    }

    /**
     * A new session of {@code user} through the Users API ({@code POST /v1/users/:userId/sessions}): no password, no
     * hash, no login rate limit. For set-up sign-ins; the caller hands it to the browser as the pattern's cookie.
     */
    public IssuedSession createSession(TestUser user) {
        Session session = withRetries(
                "creating a set-up session for " + user.email(), callback -> users.createSession(user.id(), callback));
        Instant expire;
        try {
            expire = OffsetDateTime.parse(session.getExpire()).toInstant();
        } catch (DateTimeParseException e) {
            expire = Instant.now().plus(Duration.ofDays(365)); // Appwrite's default session length
        }
        return IssuedSession.of(user.id(), session.getSecret(), expire);
    }

    /**
     * A set-up call that may safely be repeated (a second session does no harm): up to {@link #SET_UP_ATTEMPTS}
     * attempts of at most {@link #SET_UP_ATTEMPT_TIMEOUT} each: an unmeasured set-up step should not end a run because
     * a backend left one call unanswered. (The calls that looked unanswered in earlier runs, about one in 200–400,
     * had been answered: the seeder dropped answers that came before the SDK call suspended.) Every retry is
     * counted ({@link #setUpRetries()}) and reported by the engine.
     */
    private <T> T withRetries(String what, SdkCalls.Call<T> sdkCall) {
        return withRetries(what, sdkCall, SET_UP_ATTEMPT_TIMEOUT, e -> false);
    }

    /**
     * Creates one user, repeating an attempt that got no answer (as {@link #withRetries}, with room for the password
     * hash on a busy machine). The id is ours, so a repeat that finds it taken (409) means the unanswered attempt
     * did create the user (then the answer is null).
     */
    private User<?> createWithRetries(String id, String email, String password, String name) {
        return withRetries(
                "creating a test user",
                callback -> users.create(id, email, null, password, name, callback),
                attemptLimit(password != null),
                e -> e.getMessage().contains("user_already_exists"));
    }

    /**
     * How long one attempt to create a user may go unanswered before it is repeated: room for the argon2 hash when
     * Appwrite hashes a password, else that of any set-up call. An import with a hash, or a user without a password,
     * costs Appwrite no hash and is answered in milliseconds, so a call that gets no answer costs 5 s instead of 10.
     */
    static Duration attemptLimit(boolean hashesPassword) {
        return hashesPassword ? CREATE_ATTEMPT_TIMEOUT : SET_UP_ATTEMPT_TIMEOUT;
    }

    /**
     * Up to {@link #SET_UP_ATTEMPTS} attempts of at most {@code attemptLimit} (and the call timeout) each; a repeat
     * that fails as {@code doneByEarlierAttempt} says means the unanswered attempt did the work (returns null).
     */
    private <T> T withRetries(
            String what,
            SdkCalls.Call<T> sdkCall,
            Duration attemptLimit,
            Predicate<SeedingException> doneByEarlierAttempt) {
        Duration attemptTimeout = callTimeout.compareTo(attemptLimit) < 0 ? callTimeout : attemptLimit;
        for (int attempt = 1; ; attempt++) {
            try {
                return call(what, sdkCall, attemptTimeout);
            } catch (CallTimedOut e) {
                onNoAnswer.accept(what);
                if (attempt == SET_UP_ATTEMPTS) {
                    throw e;
                }
                setUpRetries.incrementAndGet();
            } catch (SeedingException e) {
                if (attempt > 1 && doneByEarlierAttempt.test(e)) {
                    return null;
                }
                throw e;
            }
        }
    }

    /**
     * Runs {@code listener} with a description of the call whenever a set-up call got no answer in time, before it
     * is repeated: the moment to take evidence of why (the engine saves the emulator's thread dump).
     */
    public void onNoAnswer(Consumer<String> listener) {
        this.onNoAnswer = Objects.requireNonNull(listener);
    }

    /** How many set-up calls had to be repeated because an attempt got no answer in time. */
    public int setUpRetries() {
        return setUpRetries.get();
    }

    private <T> T call(String what, SdkCalls.Call<T> sdkCall) {
        return call(what, sdkCall, callTimeout);
    }

    /** One SDK call, bounded by {@code timeout}; failures become a {@link SeedingException} naming {@code what}. */
    private <T> T call(String what, SdkCalls.Call<T> sdkCall, Duration timeout) {
        CompletableFuture<T> result = SdkCalls.start(sdkCall);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CallTimedOut(what + " got no answer from Appwrite within " + timeout.toSeconds()
                    + " s (the SDK waits forever on a response it cannot parse); check the Appwrite endpoint");
        } catch (ExecutionException e) {
            throw new SeedingException(what + " failed: " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("interrupted while " + what);
        }
    }

    private String describe(Throwable error) {
        if (error instanceof AppwriteException a && Integer.valueOf(429).equals(a.getCode())) {
            String limit = lastRateLimit.get();
            return "rate limited by Appwrite (429 " + a.getType() + "; "
                    + (limit == null ? "no X-RateLimit headers" : limit) + "): " + a.getMessage()
                    + " Wait for the reset or raise the project's limits, then run again";
        }
        if (error instanceof AppwriteException a) {
            return "Appwrite answered " + a.getCode() + " " + a.getType() + ": " + a.getMessage();
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    /** Ids of the users created so far and not deleted yet. */
    public List<String> createdUserIds() {
        synchronized (createdIds) {
            return List.copyOf(createdIds);
        }
    }

    /**
     * Deletes every user this seeder created (their sessions go with them) through the Users API; safe to call more
     * than once and from a shutdown hook: each id is deleted at most once, failures are kept with their reason.
     */
    public Cleanup deleteCreated() {
        List<String> deleted = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String id : createdUserIds()) {
            try {
                SdkCalls.start(callback -> users.delete(id, callback))
                        .get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
                deleted.add(id);
                createdIds.remove(id);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AppwriteException a && "user_not_found".equals(a.getType())) {
                    deleted.add(id); // already gone: nothing is left behind
                    createdIds.remove(id);
                } else {
                    failed.put(id, describe(e.getCause()));
                }
            } catch (TimeoutException e) {
                failed.put(id, "no answer within " + callTimeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(id, "interrupted");
            }
        }
        return new Cleanup(deleted, failed);
    }

    /**
     * What {@link #deleteCreated()} did.
     *
     * @param deleted ids deleted (or already gone)
     * @param failed  ids that could not be deleted, with the reason; they stay in the project
     */
    public record Cleanup(List<String> deleted, Map<String, String> failed) {
        public Cleanup {
            deleted = List.copyOf(deleted);
            failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        }

        /** One line for the console and the results' incidents. */
        public String describe() {
            if (deleted.isEmpty() && failed.isEmpty()) {
                return "no test users to delete";
            }
            String text = "deleted " + deleted.size() + " test user" + (deleted.size() == 1 ? "" : "s")
                    + " through the Users API";
            if (failed.isEmpty()) {
                return text;
            }
            return text + "; " + failed.size() + " could not be deleted (delete them in the Appwrite console): "
                    + failed;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "pw-" + HexFormat.of().formatHex(bytes);
    }

    /** A call got no answer in time. */
    static final class CallTimedOut extends SeedingException {
        CallTimedOut(String message) {
            super(message);
        }
    }

    /** Users could not be created; the message says why and what to check. */
    public static class SeedingException extends RuntimeException {
        public SeedingException(String message) {
            super(message);
        }
    }
}
