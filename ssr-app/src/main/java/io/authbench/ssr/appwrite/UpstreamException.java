package io.authbench.ssr.appwrite;

/**
 * An Appwrite call did not produce the expected result. Two kinds exist: Appwrite answered with one of its
 * documented errors ({@link AppwriteRejection}), or it could not be used at all ({@link UpstreamFailure}).
 *
 * <p>Messages name the call and what happened; they never contain a session secret, the API key or a response body.
 */
public abstract sealed class UpstreamException extends Exception permits AppwriteRejection, UpstreamFailure {
    private final String call;

    UpstreamException(String call, String message, Throwable cause) {
        super(call + ": " + message, cause, false, false);
        this.call = call;
    }

    /** The Server-Timing name of the call that failed, e.g. {@code aw-get-account}. */
    public String call() {
        return call;
    }
}
