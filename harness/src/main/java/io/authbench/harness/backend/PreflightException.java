package io.authbench.harness.backend;

/**
 * The external Appwrite is not usable for a benchmark. The message says what is wrong and how to fix it, in one
 * paragraph, without the API key; the CLI prints it and exits with 2, like a bad option: nothing was measured.
 */
public final class PreflightException extends Exception {
    private final Problem problem;

    /** What the preflight found; one constant per failure case of docs/real-appwrite.md#3-the-preflight-check. */
    public enum Problem {
        UNREACHABLE,
        TLS,
        NOT_APPWRITE,
        UNKNOWN_PROJECT,
        INVALID_KEY,
        EXPIRED_KEY,
        MISSING_SCOPE,
        ORIGIN_NOT_REGISTERED
    }

    public PreflightException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
