package io.authbench.serverbench;

/**
 * The one unchecked root of every failure this module reports. The message's first line names the problem and
 * what to do; evidence (a server's log tail) may follow on later lines. Never carries a secret.
 */
public class ServerBenchException extends RuntimeException {
    public ServerBenchException(String message) {
        super(message);
    }

    public ServerBenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
