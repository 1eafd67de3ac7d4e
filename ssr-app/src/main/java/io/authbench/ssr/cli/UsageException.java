package io.authbench.ssr.cli;

/** A command line this app cannot run with; the message is the one line shown to the user (exit code 2). */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
