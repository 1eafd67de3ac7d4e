package io.authbench.emulator.store;

import io.authbench.emulator.model.Session;
import io.authbench.emulator.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory store: plain maps behind one read-write lock. Reads ({@code GET /v1/account}, the hot path) share
 * the lock; writes are short and exclusive, which keeps every index consistent without per-map reasoning.
 */
public final class InMemoryAuthStore implements AuthStore {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, User> usersById = new HashMap<>();
    private final Map<String, String> userIdByEmail = new HashMap<>();
    private final Map<String, String> userIdByPhone = new HashMap<>();
    private final Map<String, Session> sessionsBySecretHash = new HashMap<>();
    /** Per user, session id → session in creation (insertion) order: the head is the oldest. */
    private final Map<String, LinkedHashMap<String, Session>> sessionsByUser = new HashMap<>();

    @Override
    public void createUser(User user) throws DuplicateUserException {
        lock.writeLock().lock();
        try {
            if (usersById.containsKey(user.id())) {
                throw new DuplicateUserException("id");
            }
            if (!user.email().isEmpty() && userIdByEmail.containsKey(user.email())) {
                throw new DuplicateUserException("email");
            }
            if (!user.phone().isEmpty() && userIdByPhone.containsKey(user.phone())) {
                throw new DuplicateUserException("phone");
            }
            usersById.put(user.id(), user);
            if (!user.email().isEmpty()) {
                userIdByEmail.put(user.email(), user.id());
            }
            if (!user.phone().isEmpty()) {
                userIdByPhone.put(user.phone(), user.id());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<User> userById(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(usersById.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<User> userByEmail(String lowerCaseEmail) {
        lock.readLock().lock();
        try {
            String id = userIdByEmail.get(lowerCaseEmail);
            return id == null ? Optional.empty() : Optional.ofNullable(usersById.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void updateUser(User user) {
        lock.writeLock().lock();
        try {
            usersById.computeIfPresent(user.id(), (id, old) -> user);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean deleteUser(String id) {
        lock.writeLock().lock();
        try {
            User user = usersById.remove(id);
            if (user == null) {
                return false;
            }
            userIdByEmail.remove(user.email());
            userIdByPhone.remove(user.phone());
            removeAllSessions(id);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean addSession(Session session, int maxSessionsPerUser) {
        lock.writeLock().lock();
        try {
            if (!usersById.containsKey(session.userId())) {
                return false;
            }
            LinkedHashMap<String, Session> own =
                    sessionsByUser.computeIfAbsent(session.userId(), k -> new LinkedHashMap<>());
            own.put(session.id(), session);
            sessionsBySecretHash.put(session.secretHash(), session);
            Iterator<Session> oldestFirst = own.values().iterator();
            while (own.size() > maxSessionsPerUser) {
                Session oldest = oldestFirst.next();
                oldestFirst.remove();
                sessionsBySecretHash.remove(oldest.secretHash());
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Session> sessionBySecretHash(String secretHash) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(sessionsBySecretHash.get(secretHash));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Session> sessionsOf(String userId) {
        lock.readLock().lock();
        try {
            LinkedHashMap<String, Session> own = sessionsByUser.get(userId);
            return own == null ? List.of() : List.copyOf(own.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public boolean deleteSession(String userId, String sessionId) {
        lock.writeLock().lock();
        try {
            LinkedHashMap<String, Session> own = sessionsByUser.get(userId);
            Session removed = own == null ? null : own.remove(sessionId);
            if (removed == null) {
                return false;
            }
            sessionsBySecretHash.remove(removed.secretHash());
            if (own.isEmpty()) {
                sessionsByUser.remove(userId);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public int deleteSessionsOf(String userId) {
        lock.writeLock().lock();
        try {
            return removeAllSessions(userId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int removeAllSessions(String userId) {
        LinkedHashMap<String, Session> own = sessionsByUser.remove(userId);
        if (own == null) {
            return 0;
        }
        for (Session session : own.values()) {
            sessionsBySecretHash.remove(session.secretHash());
        }
        return own.size();
    }

    @Override
    public int purgeExpiredSessions(Instant now) {
        // Collect under the read lock, delete under the write lock: the scan never blocks logins for long.
        List<Session> expired = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (Session session : sessionsBySecretHash.values()) {
                if (session.isExpiredAt(now)) {
                    expired.add(session);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        int purged = 0;
        for (Session session : expired) {
            if (deleteSession(session.userId(), session.id())) {
                purged++;
            }
        }
        return purged;
    }

    @Override
    public int userCount() {
        lock.readLock().lock();
        try {
            return usersById.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int sessionCount() {
        lock.readLock().lock();
        try {
            return sessionsBySecretHash.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
