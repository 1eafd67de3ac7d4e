package io.authbench.emulator.routes;

import io.authbench.emulator.crypto.PasswordHasher;
import io.authbench.emulator.http.AppwriteException;
import io.authbench.emulator.http.ErrorType;
import io.authbench.emulator.model.Ids;
import io.authbench.emulator.model.MessagingTarget;
import io.authbench.emulator.model.User;
import io.authbench.emulator.store.AuthStore;
import io.authbench.emulator.store.DuplicateUserException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Creates users for {@code POST /v1/users}, {@code POST /v1/users/argon2} and {@code POST /v1/account}: lower-cased
 * email, argon2id, email target.
 */
final class UserCreation {
    private final PasswordHasher hasher;

    UserCreation(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    User create(
            AuthStore store,
            String requestedId,
            String email,
            String phone,
            String password,
            String name,
            Instant now) {
        String id = requestedId.equals("unique()") ? Ids.unique() : requestedId;
        String lowerEmail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        String phoneOrEmpty = phone == null ? "" : phone;
        // Refuse an obvious duplicate before paying for argon2; the store re-checks atomically on insert.
        if (store.userById(id).isPresent()
                || (!lowerEmail.isEmpty() && store.userByEmail(lowerEmail).isPresent())) {
            throw new AppwriteException(ErrorType.USER_ALREADY_EXISTS);
        }
        return insert(store, id, lowerEmail, phoneOrEmpty, password == null ? null : hasher.hash(password), name, now);
    }

    /**
     * {@code POST /v1/users/argon2}: a user whose password arrives already hashed (an import). Appwrite stores the
     * string as given and verifies sign-ins against it with the cost written in it.
     */
    User createWithArgon2Hash(
            AuthStore store, String requestedId, String email, String argon2Hash, String name, Instant now) {
        String id = requestedId.equals("unique()") ? Ids.unique() : requestedId;
        String lowerEmail = email.toLowerCase(Locale.ROOT);
        if (store.userById(id).isPresent() || store.userByEmail(lowerEmail).isPresent()) {
            throw new AppwriteException(ErrorType.USER_ALREADY_EXISTS);
        }
        return insert(store, id, lowerEmail, "", argon2Hash, name, now);
    }

    private User insert(
            AuthStore store, String id, String lowerEmail, String phoneOrEmpty, String hash, String name, Instant now) {
        List<MessagingTarget> targets = lowerEmail.isEmpty()
                ? List.of()
                : List.of(new MessagingTarget(Ids.unique(), now, id, "email", lowerEmail));
        User user = new User(
                id, now, now, name, hash, hash == null ? null : now, true, lowerEmail, phoneOrEmpty, targets, null);
        try {
            store.createUser(user);
        } catch (DuplicateUserException e) {
            throw new AppwriteException(ErrorType.USER_ALREADY_EXISTS);
        }
        return user;
    }
}
