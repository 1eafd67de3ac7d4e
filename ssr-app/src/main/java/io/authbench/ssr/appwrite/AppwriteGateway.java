package io.authbench.ssr.appwrite;

import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.models.Session;
import io.appwrite.models.User;
import io.appwrite.services.Account;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * Everything this app asks of Appwrite, through the official Java/Kotlin SDK (sdk-for-kotlin 6.1.0), following the
 * Appwrite SSR docs: an <em>admin client</em> (API key) creates sessions; a <em>session client</em>
 * ({@code setSession(secret)}) made for each request reads the account and deletes the session.
 *
 * <p>Every call is bounded by the upstream timeout (the SDK has none of its own and can hang forever), recorded in
 * the request's {@link UpstreamTimings}, and ends in a value or an {@link UpstreamException}. All clients share one
 * OkHttpClient ({@link UpstreamHttp}), so connections to Appwrite are reused across requests.
 *
 * <p>Thread-safe; one instance per server.
 */
public final class AppwriteGateway implements AutoCloseable {
    public static final String CREATE_SESSION = "aw-create-session";
    public static final String GET_ACCOUNT = "aw-get-account";
    public static final String DELETE_SESSION = "aw-delete-session";

    // What Appwrite's session secret is (base64 of a small JSON document); it becomes a cookie value, so
    // anything else is refused rather than written into a Set-Cookie header.
    private static final Pattern SESSION_SECRET = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final int MAX_SECRET_LENGTH = 2048;

    private final String endpoint;
    private final String project;
    private final ApiKey apiKey;
    private final Duration timeout;
    private final UpstreamHttp http;

    /**
     * @param endpoint Appwrite's API base, e.g. {@code http://localhost:1234/v1}
     * @param project  the project id
     * @param apiKey   a key with the {@code sessions.write} scope
     * @param timeout  the most any one call may take, end to end
     * @param log      where one-line operational messages go (never secrets)
     */
    public AppwriteGateway(URI endpoint, String project, ApiKey apiKey, Duration timeout, Consumer<String> log) {
        this(endpoint, project, apiKey, timeout, null, log);
    }

    /**
     * As above, verifying an https endpoint against {@code appwriteTrust} (for example the run's own authority,
     * {@code --appwrite-ca}) instead of the JDK's public authorities; {@code null} keeps the JDK's.
     */
    public AppwriteGateway(
            URI endpoint,
            String project,
            ApiKey apiKey,
            Duration timeout,
            X509TrustManager appwriteTrust,
            Consumer<String> log) {
        this.endpoint = endpoint.toString();
        this.project = project;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = new UpstreamHttp(timeout, appwriteTrust, log);
    }

    /**
     * Signs a user in with the admin client: {@code account.createEmailPasswordSession(email, password)}.
     *
     * @param browserUserAgent the browser's User-Agent, forwarded so the session records it (honoured for API keys)
     */
    public NewSession createEmailPasswordSession(
            String email, String password, String browserUserAgent, UpstreamTimings timings) throws UpstreamException {
        Client admin = newClient().setKey(apiKey.value());
        if (browserUserAgent != null && !browserUserAgent.isBlank()) {
            admin.setForwardedUserAgent(browserUserAgent);
        }
        Account account = new Account(admin);
        Session session =
                call(CREATE_SESSION, admin, timings, done -> account.createEmailPasswordSession(email, password, done));
        String secret = session.getSecret();
        if (secret.isEmpty()
                || secret.length() > MAX_SECRET_LENGTH
                || !SESSION_SECRET.matcher(secret).matches()) {
            // An empty secret means Appwrite did not treat the call as an API-key call.
            throw new UpstreamFailure(
                    CREATE_SESSION,
                    UpstreamFailure.Kind.BAD_RESPONSE,
                    secret.isEmpty()
                            ? "the session has no secret; is the API key valid?"
                            : "the session secret is not base64",
                    null);
        }
        try {
            return new NewSession(secret, OffsetDateTime.parse(session.getExpire()));
        } catch (DateTimeParseException e) {
            throw new UpstreamFailure(
                    CREATE_SESSION, UpstreamFailure.Kind.BAD_RESPONSE, "the session's expire is not a datetime", null);
        }
    }

    /** Reads the signed-in user with a fresh session client: {@code account.get()}. */
    public AccountView getAccount(String sessionSecret, UpstreamTimings timings) throws UpstreamException {
        Client client = newClient().setSession(sessionSecret);
        Account account = new Account(client);
        User<Map<String, Object>> user = call(GET_ACCOUNT, client, timings, account::get);
        return new AccountView(
                user.getId(), user.getName(), user.getEmail(), user.getCreatedAt(), user.getEmailVerification());
    }

    /** Ends the session at Appwrite with a fresh session client: {@code account.deleteSession("current")}. */
    public void deleteCurrentSession(String sessionSecret, UpstreamTimings timings) throws UpstreamException {
        Client client = newClient().setSession(sessionSecret);
        Account account = new Account(client);
        call(DELETE_SESSION, client, timings, done -> account.deleteSession("current", done));
    }

    /**
     * A new SDK Client for one request. Its constructor builds two OkHttpClients of its own (about 30 µs warm);
     * both are replaced by the shared one, which is what makes connections outlive the request.
     */
    private Client newClient() {
        Client client = new Client(endpoint).setProject(project);
        client.setHttp(http.client);
        client.setHttpForRedirect(http.client);
        return client;
    }

    /** One suspending SDK method, called from Java with the continuation it expects. */
    @FunctionalInterface
    private interface SdkMethod<T> {
        Object invoke(Continuation<? super T> continuation) throws AppwriteException;
    }

    @SuppressWarnings("unchecked")
    private <T> T call(String name, Client client, UpstreamTimings timings, SdkMethod<T> method)
            throws UpstreamException {
        CompletableFuture<T> result = new CompletableFuture<>();
        String id = http.register(name, result);
        client.addHeader(UpstreamHttp.CALL_ID_HEADER, id);
        long start = System.nanoTime();
        try {
            // EmptyCoroutineContext: resume on OkHttp's thread, no hop through a coroutine dispatcher.
            Object immediate = method.invoke(new CoroutineCallback<T>(
                    (value, error) -> {
                        if (error != null) {
                            result.completeExceptionally(error);
                        } else {
                            result.complete(value);
                        }
                    },
                    EmptyCoroutineContext.INSTANCE));
            if (immediate != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
                result.complete((T) immediate); // finished without suspending
            }
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new UpstreamFailure(
                    name, UpstreamFailure.Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            throw classify(name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(name, UpstreamFailure.Kind.TIMEOUT, "interrupted while waiting", e);
        } catch (Exception e) {
            // Thrown by the call itself: before the request was sent, or — when the SDK's suspending function
            // finished without suspending — its failure, which Kotlin throws as is, checked or not (a refused
            // connection arrives here as a plain java.net.ConnectException, not wrapped in anything).
            throw classify(name, e);
        } finally {
            http.unregister(id);
            timings.record(name, System.nanoTime() - start);
        }
    }

    static UpstreamException classify(String name, Throwable error) {
        if (error instanceof UpstreamException upstream) {
            return upstream;
        }
        if (error instanceof AppwriteException appwrite) {
            Integer status = appwrite.getCode();
            String type = appwrite.getType();
            if (status != null && type != null && !type.isBlank()) {
                return new AppwriteRejection(name, status, type);
            }
            // A non-JSON error (a proxy's HTML page, a wrong endpoint): the SDK puts the body into the message,
            // which is why it is not repeated here.
            return new UpstreamFailure(
                    name,
                    UpstreamFailure.Kind.BAD_RESPONSE,
                    "HTTP " + status + " without an Appwrite error document",
                    null);
        }
        if (error instanceof CancellationException && error.getCause() != null) {
            return classify(name, error.getCause());
        }
        if (error instanceof InterruptedIOException) {
            return new UpstreamFailure(
                    name, UpstreamFailure.Kind.TIMEOUT, error.getClass().getSimpleName(), null);
        }
        if (error instanceof IOException) {
            return new UpstreamFailure(name, UpstreamFailure.Kind.UNREACHABLE, describe(error), null);
        }
        return new UpstreamFailure(
                name, UpstreamFailure.Kind.BAD_RESPONSE, error.getClass().getSimpleName(), null);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        String hint = error instanceof SSLHandshakeException
                ? " (Appwrite's certificate was not accepted: check that --appwrite-ca names the authority that issued"
                        + " it and that it is valid for the endpoint's host name)"
                : "";
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message) + hint;
    }

    @Override
    public void close() {
        http.close();
    }
}
