package io.authbench.support.process;

import io.authbench.support.SupportException;

/**
 * A child server did not become ready: it could not be started, exited before printing its ready line, printed a
 * malformed one, or stayed silent past its start timeout (it is then killed). The message names the child, says
 * which of these happened, and carries the tail of its logs.
 */
public class ServerStartException extends SupportException {
    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
