package io.authbench.serverbench.stack;

import io.authbench.serverbench.ServerBenchException;

/** Users or sessions could not be prepared; the message says which call failed and what to check. */
public final class SeedingException extends ServerBenchException {
    public SeedingException(String message) {
        super(message);
    }
}
