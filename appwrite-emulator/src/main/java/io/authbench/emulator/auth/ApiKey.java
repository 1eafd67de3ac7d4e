package io.authbench.emulator.auth;

import io.authbench.emulator.crypto.Secrets;
import java.time.Instant;
import java.util.Set;

/**
 * The project's one API key. {@link #toString()} never shows the secret, so the key cannot leak through a log line
 * or an error message by accident.
 *
 * @param expiresAt {@code null} = never
 */
public record ApiKey(String secret, Set<String> scopes, Instant expiresAt) {

    public boolean matches(String presented) {
        return Secrets.constantTimeEquals(secret, presented);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && expiresAt.isBefore(now);
    }

    @Override
    public String toString() {
        return "ApiKey[secret=<" + secret.length() + " chars, hidden>, scopes=" + scopes + ", expiresAt=" + expiresAt
                + "]";
    }
}
