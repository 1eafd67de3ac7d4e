package io.authbench.emulator.http;

import java.util.Locale;

/** The Appwrite 1.6 error types the emulator can answer with, each with its HTTP status and default message. */
public enum ErrorType {
    GENERAL_ARGUMENT_INVALID(400, "Invalid argument."),
    GENERAL_UNAUTHORIZED_SCOPE(
            401, "The current user or API key does not have the required scopes to access the requested resource."),
    USER_UNAUTHORIZED(401, "The current user is not authorized to perform the requested action."),
    USER_INVALID_CREDENTIALS(401, "Invalid credentials. Please check the email and password."),
    USER_SESSION_ALREADY_EXISTS(401, "Creation of a session is prohibited when a session is active."),
    PROJECT_KEY_EXPIRED(401, "The project key has expired. Please generate a new key using the Appwrite console."),
    USER_KEY_AND_SESSION_SET(
            403,
            "API key and session used in the same request. Use either `setSession` or `setKey`. "
                    + "Learn about which authentication method to use in the SSR docs: "
                    + "https://appwrite.io/docs/products/auth/server-side-rendering"),
    GENERAL_UNKNOWN_ORIGIN(
            403,
            "The request originated from an unknown origin. If you trust this domain, "
                    + "please list it as a trusted platform in the Appwrite console."),
    PROJECT_NOT_FOUND(
            404,
            "Project with the requested ID could not be found. Please check the value of the "
                    + "X-Appwrite-Project header to ensure the correct project ID is being used."),
    USER_NOT_FOUND(404, "User with the requested ID could not be found."),
    USER_SESSION_NOT_FOUND(404, "The current user session could not be found."),
    GENERAL_ROUTE_NOT_FOUND(404, "The requested route was not found. Please refer to the API docs and try again."),
    USER_ALREADY_EXISTS(409, "A user with the same id, email, or phone already exists in this project."),
    /**
     * Not an Appwrite type: Appwrite's Swoole drops an oversized request before any PHP runs. The emulator answers
     * with a documented limit instead, in the Appwrite error shape so both SDKs surface the message.
     */
    GENERAL_PAYLOAD_TOO_LARGE(413, "Request body too large."),
    GENERAL_RATE_LIMIT_EXCEEDED(
            429, "Rate limit for the current endpoint has been exceeded. Please try again after some time."),
    GENERAL_UNKNOWN(500, "Server Error");

    private final int status;
    private final String defaultMessage;

    ErrorType(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The wire name, e.g. {@code user_invalid_credentials}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
