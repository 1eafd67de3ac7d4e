package io.authbench.harness.flow;

/**
 * A seeded account. A fresh one per iteration, so Appwrite's 10-logins-per-hour per email and its 10-session cap
 * never distort a run. The password is a throw-away test password of a throw-away account; it is never logged. Users
 * that only ever get set-up sessions ({@link SessionIssuer}) have none (null).
 *
 * @param id Appwrite's user id
 */
public record TestUser(String id, String email, String password, String name) {
    @Override
    public String toString() {
        return "TestUser[" + email + "]";
    }
}
