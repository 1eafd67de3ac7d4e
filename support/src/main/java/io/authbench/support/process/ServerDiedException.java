package io.authbench.support.process;

import io.authbench.support.SupportException;

/**
 * A child server that had become ready is no longer running, found by {@link ServerProcess#checkAlive()}.
 * The message names the child, its exit code and the tail of its logs.
 */
public class ServerDiedException extends SupportException {
    public ServerDiedException(String message) {
        super(message);
    }
}
