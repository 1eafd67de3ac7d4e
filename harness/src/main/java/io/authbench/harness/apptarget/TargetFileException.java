package io.authbench.harness.apptarget;

/** A target file or target option that cannot be used; the message names the file, the field and the fix. */
public final class TargetFileException extends RuntimeException {
    public TargetFileException(String message) {
        super(message);
    }
}
