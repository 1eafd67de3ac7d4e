package io.authbench.ssr.appwrite;

/**
 * Appwrite answered a call with one of its error documents ({@code {"message","code","type","version"}}), for
 * example 401 {@code user_invalid_credentials} or 401 {@code general_unauthorized_scope}.
 */
public final class AppwriteRejection extends UpstreamException {
    private final int status;
    private final String type;

    AppwriteRejection(String call, int status, String type) {
        super(call, "Appwrite answered " + status + " " + type, null);
        this.status = status;
        this.type = type;
    }

    /** The HTTP status (Appwrite's {@code code}). */
    public int status() {
        return status;
    }

    /** Appwrite's error type, e.g. {@code user_invalid_credentials}. */
    public String type() {
        return type;
    }
}
