package io.authbench.emulator.store;

/** A user with the same id, email or phone already exists. */
public final class DuplicateUserException extends Exception {
    public DuplicateUserException(String what) {
        super(what);
    }
}
