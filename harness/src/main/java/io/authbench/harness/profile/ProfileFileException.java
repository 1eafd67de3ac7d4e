package io.authbench.harness.profile;

/**
 * A profiles file that cannot be used. The message is one line naming the file, the profile and the field at fault,
 * and what is expected instead, so the command line can print it as is.
 */
public final class ProfileFileException extends IllegalArgumentException {

    ProfileFileException(String message) {
        super(message);
    }

    ProfileFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
