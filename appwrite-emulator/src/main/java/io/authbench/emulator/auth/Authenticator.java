package io.authbench.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authbench.emulator.crypto.Secrets;
import io.authbench.emulator.http.ApiRequest;
import io.authbench.emulator.http.AppwriteException;
import io.authbench.emulator.http.ErrorType;
import io.authbench.emulator.model.Session;
import io.authbench.emulator.model.User;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves who is calling (docs/appwrite-behaviour.md#authentication-resolution): the session from the cookie, then
 * {@code X-Appwrite-Session}, then {@code X-Fallback-Cookies}; then the API key. A missing, tampered or expired session
 * is not an error by itself: the caller is a guest and routes that need {@code account} refuse with a scope error.
 */
public final class Authenticator {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Key types by prefix ({@code Key::decode}): {@code standard_…} and unprefixed keys are looked up. */
    private static final String STANDARD_PREFIX = "standard";

    private Authenticator() {}

    public static Caller authenticate(ApiRequest request, Project project, Instant now) {
        Caller caller = sessionCaller(request, project, now);
        String key = request.headerOrEmpty("X-Appwrite-Key");
        if (key.isEmpty()) {
            return caller;
        }
        if (caller.hasSession()) {
            throw new AppwriteException(ErrorType.USER_KEY_AND_SESSION_SET);
        }
        int underscore = key.indexOf('_');
        boolean standard = underscore < 0 || key.substring(0, underscore).equals(STANDARD_PREFIX);
        if (!standard) {
            // Appwrite decodes keys of unknown type (and dynamic JWT keys, not emulated) as a guest key: no error here,
            // but only guest scopes, so key-only routes answer with a scope error.
            return caller;
        }
        ApiKey apiKey = project.apiKey();
        if (apiKey == null || !apiKey.matches(key)) {
            throw new AppwriteException(ErrorType.USER_UNAUTHORIZED);
        }
        if (apiKey.isExpiredAt(now)) {
            throw new AppwriteException(ErrorType.PROJECT_KEY_EXPIRED);
        }
        Set<String> scopes = new HashSet<>(apiKey.scopes());
        scopes.addAll(Role.APPS.baseScopes());
        return new Caller(Role.APPS, null, null, Set.copyOf(scopes));
    }

    private static Caller sessionCaller(ApiRequest request, Project project, Instant now) {
        SessionToken token = presentedToken(request, project);
        if (token.isEmpty() || token.userId().isEmpty() || token.secret().isEmpty()) {
            return Caller.guest();
        }
        Optional<Session> session = project.store().sessionBySecretHash(Secrets.sha256Hex(token.secret()));
        if (session.isEmpty()
                || !session.get().userId().equals(token.userId())
                || session.get().isExpiredAt(now)) {
            return Caller.guest();
        }
        Optional<User> user = project.store().userById(token.userId());
        return user.map(u -> new Caller(Role.USERS, u, session.get(), Role.USERS.baseScopes()))
                .orElseGet(Caller::guest);
    }

    /**
     * The first source that names a user or a secret wins, even if that session turns out invalid
     * (docs/appwrite-behaviour.md#where-the-session-comes-from).
     */
    static SessionToken presentedToken(ApiRequest request, Project project) {
        String cookie = request.cookie(project.cookieName());
        if (cookie == null) {
            cookie = request.cookie(project.legacyCookieName());
        }
        SessionToken token = SessionToken.decode(cookie);
        if (!token.isEmpty()) {
            return token;
        }
        token = SessionToken.decode(request.header("X-Appwrite-Session"));
        if (!token.isEmpty()) {
            return token;
        }
        return SessionToken.decode(fallbackCookie(request.header("X-Fallback-Cookies"), project));
    }

    private static String fallbackCookie(String header, Project project) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            JsonNode fallback = JSON.readTree(header);
            JsonNode value = fallback == null ? null : fallback.get(project.cookieName());
            return value != null && value.isTextual() ? value.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The scope-error message: {@code User (role: guests) missing scope (account)}. */
    public static String missingScopeMessage(Caller caller, Project project, String hostname, String scope) {
        String who = switch (caller.role()) {
            case GUESTS -> "User";
            case USERS ->
                caller.user().email().isEmpty() ? "User" : caller.user().email();
            case APPS -> "app." + project.id() + "@service." + hostname;
        };
        return who + " (role: " + caller.role().label() + ") missing scope (" + scope + ")";
    }
}
