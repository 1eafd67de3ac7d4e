package io.authbench.emulator.model;

import java.time.Instant;

/**
 * A stored session: email/password ({@link #PROVIDER_EMAIL}) or created for a user with an API key
 * ({@link #PROVIDER_SERVER}, {@code POST /v1/users/:userId/sessions}). The raw secret is never stored, only its SHA-256 ({@code secretHash}). Creation
 * order ("oldest first" for the per-user cap) is kept by the store, not by timestamps, which can tie.
 */
public record Session(
        String id,
        Instant createdAt,
        String userId,
        Instant expire,
        String provider,
        String providerUid,
        String secretHash,
        String ip,
        ClientInfo client) {

    /** Appwrite's {@code SESSION_PROVIDER_EMAIL}. */
    public static final String PROVIDER_EMAIL = "email";
    /** Appwrite's {@code SESSION_PROVIDER_SERVER}: a session an API key created without the password. */
    public static final String PROVIDER_SERVER = "server";

    public boolean isExpiredAt(Instant now) {
        return expire.isBefore(now);
    }
}
