package io.authbench.emulator.model;

import java.time.Instant;

/**
 * A stored email/password session. The raw secret is never stored, only its SHA-256 ({@code secretHash}). Creation
 * order ("oldest first" for the per-user cap) is kept by the store, not by timestamps, which can tie.
 */
public record Session(
        String id,
        Instant createdAt,
        String userId,
        Instant expire,
        String providerUid,
        String secretHash,
        String ip,
        ClientInfo client) {

    public boolean isExpiredAt(Instant now) {
        return expire.isBefore(now);
    }
}
