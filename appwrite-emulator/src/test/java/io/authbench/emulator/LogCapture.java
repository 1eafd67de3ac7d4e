package io.authbench.emulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything an in-process emulator writes to stderr or logs through java.util.logging (where Undertow's messages go)
 * while it is open. Tests use it to show that a client's misbehaviour is not reported as the server's error.
 */
final class LogCapture implements AutoCloseable {
    private static final List<String> PROBLEM_WORDS =
            List.of("SEVERE", "WARNING", "ERROR", "Exception", "internal error", "\tat ");

    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StringBuffer records = new StringBuffer();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.append(record.getLevel())
                        .append(' ')
                        .append(record.getLoggerName())
                        .append(": ")
                        .append(record.getMessage())
                        .append(' ')
                        .append(
                                record.getThrown() == null
                                        ? ""
                                        : record.getThrown().toString())
                        .append('\n');
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    LogCapture() {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        root.addHandler(handler);
    }

    /** stderr lines and log records at INFO or above, so far. */
    synchronized String text() {
        return err.toString(StandardCharsets.UTF_8) + records;
    }

    /**
     * The lines that report a problem (an error, a warning, an exception or a stack frame); start-up notices such as
     * Undertow's and XNIO's version lines are not problems.
     */
    List<String> problems() {
        return text().lines()
                .filter(line -> PROBLEM_WORDS.stream().anyMatch(line::contains))
                .toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        System.setErr(originalErr);
    }
}
