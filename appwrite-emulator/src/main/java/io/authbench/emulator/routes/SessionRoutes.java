package io.authbench.emulator.routes;

import io.authbench.emulator.auth.Project;
import io.authbench.emulator.auth.SessionToken;
import io.authbench.emulator.crypto.PasswordHasher;
import io.authbench.emulator.crypto.Secrets;
import io.authbench.emulator.http.ApiRequest;
import io.authbench.emulator.http.ApiResponse;
import io.authbench.emulator.http.AppwriteException;
import io.authbench.emulator.http.ErrorType;
import io.authbench.emulator.http.SessionCookies;
import io.authbench.emulator.model.Ids;
import io.authbench.emulator.model.ModelJson;
import io.authbench.emulator.model.ModelJson.SecretView;
import io.authbench.emulator.model.Session;
import io.authbench.emulator.model.User;
import io.authbench.emulator.ratelimit.RateLimitRule;
import io.authbench.emulator.useragent.UserAgentDetector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sessions: email/password create (log in), list, get, delete one (log out) and delete all; and the Users API's
 * session for a user, created by an API key without the password.
 */
final class SessionRoutes {
    /** {@code APP_LIMIT_USER_SESSIONS_DEFAULT}: older sessions beyond this are pruned on login. */
    static final int MAX_SESSIONS_PER_USER = 10;

    private final PasswordHasher hasher;
    private final Duration sessionDuration;

    SessionRoutes(PasswordHasher hasher, Duration sessionDuration) {
        this.hasher = hasher;
        this.sessionDuration = sessionDuration;
    }

    List<Route> routes() {
        return List.of(
                new Route(
                        "POST",
                        "/v1/account/sessions/email",
                        "sessions.write",
                        RateLimitRule.perEmail(10),
                        true,
                        this::create),
                // The deprecated 1.4 alias, still served by 1.6.
                new Route(
                        "POST",
                        "/v1/account/sessions",
                        "sessions.write",
                        RateLimitRule.perEmail(10),
                        true,
                        this::create),
                new Route("GET", "/v1/account/sessions", "account", null, false, this::list),
                new Route(
                        "DELETE", "/v1/account/sessions", "account", RateLimitRule.perIp(100), false, this::deleteAll),
                new Route("GET", "/v1/account/sessions/:sessionId", "account", null, false, this::get),
                new Route(
                        "DELETE",
                        "/v1/account/sessions/:sessionId",
                        "account",
                        RateLimitRule.perIp(100),
                        false,
                        this::delete),
                new Route("POST", "/v1/users/:userId/sessions", "users.write", null, false, this::createForUser));
    }

    private ApiResponse create(RouteContext context) {
        ApiRequest request = context.request();
        String email = Params.email(request, true).toLowerCase(Locale.ROOT);
        String password = Params.password(request, true);
        Project project = context.project();
        Optional<User> found = project.store().userByEmail(email);
        if (found.isEmpty()
                || found.get().passwordHash() == null
                || !hasher.verify(password, found.get().passwordHash())) {
            throw new AppwriteException(ErrorType.USER_INVALID_CREDENTIALS);
        }
        User user = found.get();
        Instant now = Instant.now(); // after argon2: the session starts when it is issued
        String secret = Secrets.newSessionSecret();
        Instant expire = now.plus(sessionDuration);
        Session session = new Session(
                Ids.unique(),
                now,
                user.id(),
                expire,
                Session.PROVIDER_EMAIL,
                email,
                Secrets.sha256Hex(secret),
                request.clientIp(),
                UserAgentDetector.detect(userAgent(context)));
        if (!project.store().addSession(session, MAX_SESSIONS_PER_USER)) {
            throw new AppwriteException(ErrorType.USER_INVALID_CREDENTIALS); // the user was deleted meanwhile
        }
        String encoded = SessionToken.encode(user.id(), secret);
        SecretView view = context.caller().isApiKey() ? SecretView.SHOWN : SecretView.HIDDEN;
        byte[] body = ModelJson.toBytes(json -> ModelJson.writeSession(json, session, true, encoded, view));
        ApiResponse response = ApiResponse.json(201, body);
        for (String cookie : SessionCookies.forNewSession(project, request, encoded, expire)) {
            response.header("Set-Cookie", cookie);
        }
        if (!SessionCookies.domainVerified(request)) {
            response.header("X-Fallback-Cookies", SessionCookies.fallbackFor(project, encoded));
        }
        return response;
    }

    /**
     * {@code POST /v1/users/:userId/sessions} (Users API, API key only): a session of provider {@code server} for an
     * existing user, no password and so no hash cost, no rate limit and no cookies (the caller is a server). Like
     * Appwrite 1.6 the response shows the session's {@code secret}, in the encoded form clients send back (cookie
     * value, {@code X-Appwrite-Session}). The per-user cap applies as for logins.
     */
    private ApiResponse createForUser(RouteContext context) {
        User user = context.project()
                .store()
                .userById(context.request().pathParam("userId"))
                .orElseThrow(() -> new AppwriteException(ErrorType.USER_NOT_FOUND));
        Instant now = Instant.now();
        String secret = Secrets.newSessionSecret();
        Session session = new Session(
                Ids.unique(),
                now,
                user.id(),
                now.plus(sessionDuration),
                Session.PROVIDER_SERVER,
                "",
                Secrets.sha256Hex(secret),
                context.request().clientIp(),
                UserAgentDetector.detect(userAgent(context)));
        if (!context.project().store().addSession(session, MAX_SESSIONS_PER_USER)) {
            throw new AppwriteException(ErrorType.USER_NOT_FOUND); // deleted meanwhile
        }
        String encoded = SessionToken.encode(user.id(), secret);
        return ApiResponse.json(
                201,
                ModelJson.toBytes(json -> ModelJson.writeSession(json, session, false, encoded, SecretView.SHOWN)));
    }

    /** API keys may record the browser's User-Agent through {@code X-Forwarded-User-Agent}; others cannot. */
    private static String userAgent(RouteContext context) {
        String forwarded = context.request().header("X-Forwarded-User-Agent");
        if (context.caller().isApiKey() && forwarded != null && !forwarded.isBlank()) {
            return forwarded;
        }
        return context.request().header("User-Agent");
    }

    private ApiResponse list(RouteContext context) {
        List<Session> sessions =
                context.project().store().sessionsOf(context.caller().user().id());
        return ApiResponse.json(
                200, ModelJson.sessionList(sessions, context.caller().session().secretHash(), SecretView.HIDDEN));
    }

    private ApiResponse get(RouteContext context) {
        Session session = ownSession(context);
        boolean current = session.id().equals(context.caller().session().id());
        return ApiResponse.json(
                200,
                ModelJson.toBytes(json ->
                        ModelJson.writeSession(json, session, current, session.secretHash(), SecretView.HIDDEN)));
    }

    private ApiResponse delete(RouteContext context) {
        Session session = ownSession(context);
        if (!context.project().store().deleteSession(session.userId(), session.id())) {
            throw new AppwriteException(ErrorType.USER_SESSION_NOT_FOUND); // deleted by a concurrent request
        }
        ApiResponse response = ApiResponse.noContent();
        if (session.id().equals(context.caller().session().id())) {
            clearClientSession(context, response);
        }
        return response;
    }

    private ApiResponse deleteAll(RouteContext context) {
        context.project().store().deleteSessionsOf(context.caller().user().id());
        ApiResponse response = ApiResponse.noContent();
        clearClientSession(context, response);
        return response;
    }

    private static void clearClientSession(RouteContext context, ApiResponse response) {
        for (String cookie : SessionCookies.cleared(context.project(), context.request())) {
            response.header("Set-Cookie", cookie);
        }
        if (!SessionCookies.domainVerified(context.request())) {
            response.header("X-Fallback-Cookies", SessionCookies.FALLBACK_CLEARED);
        }
    }

    /** {@code current} or one of the caller's own session ids; anything else is "not found". */
    private static Session ownSession(RouteContext context) {
        String id = context.request().pathParam("sessionId");
        Session current = context.caller().session();
        if (id.equals("current")) {
            return current;
        }
        return context.project().store().sessionsOf(current.userId()).stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AppwriteException(ErrorType.USER_SESSION_NOT_FOUND));
    }
}
