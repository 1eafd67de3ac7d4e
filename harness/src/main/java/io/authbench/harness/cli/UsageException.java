package io.authbench.harness.cli;

/** A bad option or value: the message names it and the fix; the CLI prints it on one line and exits with 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
