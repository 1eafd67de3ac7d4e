package io.authbench.serverbench.load;

import java.util.Locale;

/** Why a page view failed, so a step can say what happened to the target. */
public enum ErrorKind {
    /** The target refused the connection (nothing listening, or its backlog is full). */
    REFUSED,
    /** The connection was reset or closed before a complete response arrived. */
    RESET,
    /** No complete response within the request timeout (a stalled or overloaded target), or connecting timed out. */
    TIMEOUT,
    /** A response arrived with a status the page view does not expect (e.g. 303 to the login page, 502, 503). */
    HTTP_STATUS,
    /** Anything else (an I/O error of another kind); the first message is kept in the step's notes. */
    OTHER;

    /** Lower-case key for JSON and messages, e.g. {@code http_status}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
