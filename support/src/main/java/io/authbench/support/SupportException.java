package io.authbench.support;

/**
 * The one unchecked root of every failure the support module reports.
 *
 * <p>Its message is written for the person running the build: the first line names the problem and what to do,
 * and any evidence (a child's log tail) follows on later lines. Catch this type to treat every support failure
 * alike, or one of its subclasses to react to a specific one.
 */
public class SupportException extends RuntimeException {
    public SupportException(String message) {
        super(message);
    }

    public SupportException(String message, Throwable cause) {
        super(message, cause);
    }
}
