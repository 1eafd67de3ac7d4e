package io.authbench.emulator.auth;

import io.authbench.emulator.model.Session;
import io.authbench.emulator.model.User;
import java.util.Set;

/**
 * Who is calling, once the session and the API key are resolved.
 *
 * @param user the signed-in user ({@link Role#USERS} only), else {@code null}
 * @param session the session that authenticated the user, else {@code null}
 * @param scopes everything the caller may do
 */
public record Caller(Role role, User user, Session session, Set<String> scopes) {

    public static Caller guest() {
        return new Caller(Role.GUESTS, null, null, Role.GUESTS.baseScopes());
    }

    public boolean isApiKey() {
        return role == Role.APPS;
    }

    public boolean hasSession() {
        return session != null;
    }
}
