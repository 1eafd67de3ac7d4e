package io.authbench.harness.backend;

import io.appwrite.Client;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.services.Account;
import io.appwrite.services.Users;
import io.authbench.harness.backend.PreflightException.Problem;
import io.authbench.harness.http.AppHttp;
import io.authbench.harness.sdk.SdkCalls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Checks an external Appwrite before anything is measured, in the order a user would fix things: the endpoint
 * answers (no refused connection, unknown host or timeout), TLS works, it is Appwrite, the project exists, the API
 * key is valid and not expired, it has the scopes {@code users.write} (create and delete test users) and
 * {@code sessions.write} (the SSR app signs users in with it), and Appwrite accepts the browser's origin for the CSR
 * app (a registered Web platform). The first problem found ends the check with a {@link PreflightException} that
 * names it and the fix.
 *
 * <p>Nothing is written: the key checks call routes whose scope check comes before the action
 * (docs/appwrite-behaviour.md#order-of-checks) with ids and credentials that do not exist, so a key with the scope gets
 * {@code user_not_found} or {@code user_invalid_credentials} and a key without it {@code general_unauthorized_scope}.
 * API-key calls are exempt from Appwrite's rate limits, so the check costs none of them. The key checks use the real
 * Kotlin SDK (as the seeding and the SSR app do); the first request is plain HTTP because the SDK hides the TLS and
 * connection errors and the CORS headers this check must tell apart.
 */
public final class Preflight {
    /** A user id no project has (valid id syntax, so the answer is the scope check or {@code user_not_found}). */
    static final String PROBE_USER_ID = "authbench-preflight-probe";

    static final String PROBE_EMAIL = "preflight-probe@authbench.test";

    private final ExternalAppwrite backend;
    private final String browserOrigin;
    private final Duration timeout;

    /**
     * @param backend       the endpoint, project and key
     * @param browserOrigin the origin the CSR page runs at, e.g. {@code http://localhost} (scheme and host; the port
     *                      does not matter to Appwrite's platform check)
     * @param timeout       bound of each request
     */
    public Preflight(ExternalAppwrite backend, String browserOrigin, Duration timeout) {
        this.backend = backend;
        this.browserOrigin = browserOrigin;
        this.timeout = timeout;
    }

    /** Runs every check; returns what was checked, one line each, or throws on the first problem. */
    public List<String> run() throws PreflightException {
        List<String> passed = new ArrayList<>();
        HttpResponse<String> guest = guestRequest();
        AppwriteError guestError = AppwriteError.parse(guest.statusCode(), guest.body());
        if (guestError.is("project_not_found")) {
            throw new PreflightException(
                    Problem.UNKNOWN_PROJECT,
                    "Appwrite at " + backend.label() + " has no project '"
                            + backend.projectId()
                            + "' (404 project_not_found). Fix: give the Project ID shown in the Appwrite console"
                            + " (Settings → Project ID) with --appwrite-project / -Dbench.appwrite.project.");
        }
        if (guestError.type() == null) {
            throw new PreflightException(
                    Problem.NOT_APPWRITE,
                    backend.label() + " answered GET /account with HTTP "
                            + guest.statusCode()
                            + " and no Appwrite error body, so it is not Appwrite's API (expected 401"
                            + " general_unauthorized_scope for a guest). Fix: give the API endpoint the Appwrite console shows"
                            + " (Settings → API endpoint, ending in /v1).");
        }
        passed.add("endpoint " + backend.label() + " answers" + (backend.tls() ? " over TLS" : ""));
        passed.add("project " + backend.projectId() + " exists");

        Client client = new Client()
                .setEndpoint(backend.endpoint().toString())
                .setProject(backend.projectId())
                .setKey(backend.apiKey());
        client.setHttp(new okhttp3.OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .build());
        AppwriteException usersAnswer = sdkError(
                "DELETE /users/" + PROBE_USER_ID, callback -> new Users(client).delete(PROBE_USER_ID, callback));
        checkKey(usersAnswer);
        checkScope(usersAnswer, "users.write", "user_not_found", "create and delete the test users");
        passed.add("API key is valid and has users.write");
        AppwriteException sessionAnswer = sdkError(
                "POST /account/sessions/email",
                callback ->
                        new Account(client).createEmailPasswordSession(PROBE_EMAIL, "not-the-password-0", callback));
        checkKey(sessionAnswer);
        checkScope(sessionAnswer, "sessions.write", "user_invalid_credentials", "let the SSR app sign users in");
        passed.add("API key has sessions.write");

        String allowed =
                guest.headers().firstValue("access-control-allow-origin").orElse(null);
        if (!browserOrigin.equalsIgnoreCase(allowed)) {
            throw new PreflightException(
                    Problem.ORIGIN_NOT_REGISTERED,
                    "Appwrite at " + backend.label()
                            + " does not accept the CSR page's origin " + browserOrigin
                            + " (a request with that Origin got"
                            + " Access-Control-Allow-Origin: " + (allowed == null ? "(none)" : allowed)
                            + "), so the browser would"
                            + " block every Appwrite call of the CSR app. Fix: register a Web platform with hostname "
                            + URI.create(browserOrigin).getHost()
                            + " in the Appwrite console (Overview → Add platform → Web).");
        }
        passed.add("origin " + browserOrigin + " is allowed (Web platform)");
        return passed;
    }

    /** {@code GET /account} as a guest from the browser's origin: reachability, TLS, project and CORS in one request. */
    private HttpResponse<String> guestRequest() throws PreflightException {
        HttpClient http = AppHttp.client(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend.endpoint() + "/account"))
                .timeout(timeout)
                .header("X-Appwrite-Project", backend.projectId())
                .header("Origin", browserOrigin)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreflightException(Problem.UNREACHABLE, "interrupted while checking " + backend.label());
        } catch (IOException e) {
            throw connectionProblem(e);
        }
    }

    PreflightException connectionProblem(IOException e) {
        String where = backend.endpoint().getHost() + ":" + backend.port();
        String hint =
                " Fix: check --appwrite-endpoint / -Dbench.appwrite.endpoint (the console's Settings → API endpoint)"
                        + " and that this machine can reach it.";
        // The most specific cause wins: the JDK wraps an unknown host or a TLS failure in a ConnectException.
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(0, t);
        }
        for (Throwable t : chain) {
            if (t instanceof CertificateException
                    || t instanceof SSLHandshakeException
                            && String.valueOf(t.getMessage()).contains("PKIX")) {
                return new PreflightException(
                        Problem.TLS,
                        "TLS failure with " + backend.label() + ": its certificate is not"
                                + " trusted (" + firstLine(t)
                                + "). Fix: use a certificate from a public CA, or add the server's CA to"
                                + " this JVM's trust store (keytool -importcert … -cacerts, or -Djavax.net.ssl.trustStore=…); Chromium"
                                + " must trust it too.");
            }
            if (t instanceof SSLException) {
                return new PreflightException(
                        Problem.TLS,
                        "TLS failure with " + backend.label() + ": the handshake failed ("
                                + firstLine(t) + "). Fix: check that " + where
                                + " speaks https (use http:// for a plain-HTTP"
                                + " server) and that its certificate and protocol versions are current.");
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new PreflightException(
                        Problem.UNREACHABLE,
                        "Appwrite endpoint unreachable: unknown host '"
                                + backend.endpoint().getHost() + "'." + hint);
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return new PreflightException(
                        Problem.UNREACHABLE,
                        "Appwrite endpoint unreachable: no answer from " + where + " within " + timeout.toMillis()
                                + " ms (timeout)." + hint);
            }
            if (t instanceof ConnectException) {
                return new PreflightException(
                        Problem.UNREACHABLE,
                        "Appwrite endpoint unreachable: connection to " + where + " refused (nothing listens there)."
                                + hint);
            }
        }
        return new PreflightException(
                Problem.UNREACHABLE,
                "Appwrite endpoint unreachable: " + e.getClass().getSimpleName() + " (" + firstLine(e) + ") talking to "
                        + where + "." + hint);
    }

    private void checkKey(AppwriteException answer) throws PreflightException {
        String keyHint = " Fix: create an API key in the Appwrite console (Overview → Integrations → API keys) with the"
                + " scopes users.write and sessions.write, and give it with --appwrite-key-file / -Dbench.appwrite.keyFile or "
                + BackendOptions.KEY_ENV + ".";
        if ("user_unauthorized".equals(answer.getType())) {
            throw new PreflightException(
                    Problem.INVALID_KEY,
                    "Appwrite at " + backend.label() + " does not know the API key"
                            + " for project " + backend.projectId()
                            + " (401 user_unauthorized): wrong key, a key of another"
                            + " project, or a revoked one." + keyHint);
        }
        if ("project_key_expired".equals(answer.getType())) {
            throw new PreflightException(
                    Problem.EXPIRED_KEY,
                    "the API key of project " + backend.projectId() + " has expired (401 project_key_expired)."
                            + keyHint);
        }
    }

    private void checkScope(AppwriteException answer, String scope, String expectedType, String why)
            throws PreflightException {
        if ("general_unauthorized_scope".equals(answer.getType())) {
            throw new PreflightException(
                    Problem.MISSING_SCOPE,
                    "the API key lacks the scope " + scope + " (Appwrite: 401"
                            + " general_unauthorized_scope, '" + answer.getMessage() + "'); the harness needs it to "
                            + why
                            + ". Fix: in the Appwrite console, edit the key (Overview → Integrations → API keys) and add the"
                            + " scope " + scope + " (the harness needs users.write and sessions.write).");
        }
        Integer code = answer.getCode();
        if (!expectedType.equals(answer.getType()) && (code == null || code != 400)) {
            throw new PreflightException(
                    Problem.NOT_APPWRITE,
                    "checking the scope " + scope + ", Appwrite at "
                            + backend.label() + " answered " + code + " " + answer.getType() + " ('"
                            + answer.getMessage()
                            + "') instead of " + expectedType
                            + ". Fix: check that the endpoint is an Appwrite 1.6 API base.");
        }
    }

    /**
     * Runs one SDK call that is expected to fail and returns its error. sdk-for-kotlin waits forever on a response it
     * cannot parse (docs/appwrite-behaviour.md#kotlin-server-sdk), so the call is bounded here. An answer the SDK
     * returns or throws at once, instead of calling back, counts like any other ({@link SdkCalls}).
     */
    AppwriteException sdkError(String what, SdkCalls.Call<Object> call) throws PreflightException {
        try {
            SdkCalls.start(call).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            throw new PreflightException(
                    Problem.NOT_APPWRITE,
                    what + " with a made-up id succeeded at " + backend.label()
                            + "; that is not how Appwrite answers. Fix: check the endpoint.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AppwriteException a) {
                return a;
            }
            if (e.getCause() instanceof IOException io) {
                throw connectionProblem(io);
            }
            throw new PreflightException(
                    Problem.NOT_APPWRITE,
                    what + " failed at " + backend.label() + ": " + firstLine(e.getCause())
                            + ". Fix: check the endpoint.");
        } catch (TimeoutException e) {
            throw new PreflightException(
                    Problem.UNREACHABLE,
                    what + " got no usable answer from " + backend.label() + " within " + timeout.toMillis()
                            + " ms. Fix: check the endpoint and the network.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreflightException(Problem.UNREACHABLE, "interrupted while checking " + backend.label());
        }
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank()
                ? t.getClass().getSimpleName()
                : message.strip().lines().findFirst().orElse("");
    }
}
