package io.authbench.emulator.auth;

import java.util.Set;

/** The three roles a caller of the auth routes can have, with Appwrite 1.6's scopes ({@code app/config/roles.php}). */
public enum Role {
    GUESTS(
            "guests",
            Set.of(
                    "global",
                    "health.read",
                    "public",
                    "home",
                    "console",
                    "graphql",
                    "sessions.write",
                    "teams.read",
                    "teams.write",
                    "documents.read",
                    "documents.write",
                    "files.read",
                    "files.write",
                    "locale.read",
                    "avatars.read",
                    "execution.write")),
    USERS(
            "users",
            Set.of(
                    "global",
                    "health.read",
                    "public",
                    "home",
                    "console",
                    "graphql",
                    "sessions.write",
                    "account",
                    "teams.read",
                    "teams.write",
                    "documents.read",
                    "documents.write",
                    "files.read",
                    "files.write",
                    "projects.read",
                    "projects.write",
                    "locale.read",
                    "avatars.read",
                    "execution.write",
                    "targets.read",
                    "targets.write",
                    "subscribers.read",
                    "subscribers.write",
                    "assistant.read")),
    /** API-key callers: the key's own scopes plus these. */
    APPS("applications", Set.of("global", "health.read", "graphql"));

    private final String label;
    private final Set<String> scopes;

    Role(String label, Set<String> scopes) {
        this.label = label;
        this.scopes = scopes;
    }

    /** The lower-case label used in scope errors: {@code User (role: guests) missing scope (account)}. */
    public String label() {
        return label;
    }

    public Set<String> baseScopes() {
        return scopes;
    }
}
