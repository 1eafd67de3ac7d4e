package io.authbench.emulator.model;

import java.time.Instant;
import java.util.List;

/**
 * A stored user. Immutable: updates (such as {@code accessedAt}) replace the record in the store.
 *
 * @param passwordHash the argon2id PHC string, or {@code null} for a user created without a password
 * @param email lower-cased, {@code ""} when unset
 * @param phone {@code ""} when unset
 * @param accessedAt {@code null} until the first session-authenticated request
 */
public record User(
        String id,
        Instant createdAt,
        Instant updatedAt,
        String name,
        String passwordHash,
        Instant passwordUpdate,
        boolean status,
        String email,
        String phone,
        List<MessagingTarget> targets,
        Instant accessedAt) {

    /** The user after a session request touched it; like any document update in Appwrite it moves {@code $updatedAt}. */
    public User withAccessedAt(Instant when) {
        return new User(id, createdAt, when, name, passwordHash, passwordUpdate, status, email, phone, targets, when);
    }
}
