package io.authbench.emulator.store;

import io.authbench.emulator.model.Session;
import io.authbench.emulator.model.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users and sessions of one project. Implementations are safe under concurrent requests and keep every multi-step
 * change (a user with its unique email; a session with the per-user cap) atomic.
 */
public interface AuthStore {

    /** Adds a user; fails if the id, the (lower-cased) email or the phone is already taken. */
    void createUser(User user) throws DuplicateUserException;

    Optional<User> userById(String id);

    Optional<User> userByEmail(String lowerCaseEmail);

    /** Replaces a stored user (same id); no-op if the user was deleted meanwhile. */
    void updateUser(User user);

    /** Deletes a user and all of their sessions; false if there was no such user. */
    boolean deleteUser(String id);

    /**
     * Adds a session, then deletes the user's oldest sessions beyond {@code maxSessionsPerUser} (Appwrite prunes in
     * a shutdown hook; doing it here keeps the cap exact under concurrent logins).
     *
     * @return false if the user no longer exists (the session is not stored)
     */
    boolean addSession(Session session, int maxSessionsPerUser);

    /** The session whose secret has this SHA-256, expired or not. */
    Optional<Session> sessionBySecretHash(String secretHash);

    /** A user's sessions in creation order, expired ones included until purged. */
    List<Session> sessionsOf(String userId);

    /** Deletes one of a user's sessions; false if the user has no session with that id. */
    boolean deleteSession(String userId, String sessionId);

    /** Deletes all of a user's sessions and returns how many there were. */
    int deleteSessionsOf(String userId);

    /** Forgets sessions that expired before {@code now}; returns how many. */
    int purgeExpiredSessions(Instant now);

    int userCount();

    int sessionCount();
}
