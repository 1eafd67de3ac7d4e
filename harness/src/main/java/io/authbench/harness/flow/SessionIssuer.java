package io.authbench.harness.flow;

/**
 * Creates a session for a seeded user without the password (Appwrite's Users API, {@code POST
 * /v1/users/:userId/sessions}), for flows whose set-up starts signed in. Set-up sign-ins through the login form
 * cost a page load per link round trip plus Appwrite's argon2 hash, and none of that is measured; the login flow is
 * the one that measures signing in.
 */
@FunctionalInterface
public interface SessionIssuer {
    /** A new session of {@code user}; throws with a message saying why if Appwrite refused. */
    IssuedSession issue(TestUser user);
}
