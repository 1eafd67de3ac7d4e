package io.authbench.emulator.model;

import java.time.Instant;

/**
 * A stored email/password session. The raw secret is never stored, only its SHA-256 ({@code secretHash}).
 *
 * @param sequence creation order, so "oldest first" is exact even for sessions created in the same millisecond
 */
public record Session(
        String id,
        long sequence,
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
