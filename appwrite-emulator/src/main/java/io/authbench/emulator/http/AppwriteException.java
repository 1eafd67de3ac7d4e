package io.authbench.emulator.http;

/** Ends a request with an Appwrite error response ({@code message}, {@code code}, {@code type}, {@code version}). */
public final class AppwriteException extends RuntimeException {
    private final ErrorType type;

    public AppwriteException(ErrorType type) {
        this(type, type.defaultMessage());
    }

    public AppwriteException(ErrorType type, String message) {
        super(message, null, false, false); // no stack trace: this is control flow, not a bug
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }

    public static AppwriteException invalidParam(String param, String description) {
        return new AppwriteException(
                ErrorType.GENERAL_ARGUMENT_INVALID, "Invalid `" + param + "` param: " + description);
    }

    public static AppwriteException missingParam(String param) {
        return new AppwriteException(ErrorType.GENERAL_ARGUMENT_INVALID, "Param \"" + param + "\" is not optional.");
    }
}
