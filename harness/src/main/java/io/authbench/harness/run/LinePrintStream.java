package io.authbench.harness.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} (what server-bench prints its progress to) that hands each complete line to the harness's
 * {@link PrintWriter}, so both phases' progress goes to the same place, in order, also in tests that capture it.
 */
final class LinePrintStream extends OutputStream {
    private final PrintWriter target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LinePrintStream(PrintWriter target) {
        this.target = target;
    }

    static PrintStream to(PrintWriter target) {
        return new PrintStream(new LinePrintStream(target), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        target.flush();
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
        target.flush();
    }

    private void emit() {
        target.println(line.toString(StandardCharsets.UTF_8).stripTrailing());
        target.flush();
        line.reset();
    }
}
