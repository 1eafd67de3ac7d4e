package io.authbench.csr.cli;

/** A bad command line: the message names the flag and the value, and the caller exits with code 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
