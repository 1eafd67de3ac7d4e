package io.authbench.reports.results;

/**
 * A results file that cannot be used: missing, empty, truncated, not JSON, or of another schema. The message is
 * one sentence naming the file, the problem and what to do.
 */
public class ResultsFormatException extends RuntimeException {
    public ResultsFormatException(String message) {
        super(message);
    }

    public ResultsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
