package io.authbench.harness.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The live progress line of the measurement phase: iterations done of total, failures so far, and an estimate of
 * the time left from the average pace. On a terminal it redraws one line; elsewhere (Maven, CI logs) it prints a
 * line every {@link #LOG_INTERVAL} so logs stay short.
 */
final class Progress {
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final boolean terminal;
    private final int total;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos;
    private int done;
    private int failures;

    Progress(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
        this.terminal = System.console() != null;
    }

    void iterationDone(boolean ok, String what) {
        done++;
        if (!ok) {
            failures++;
        }
        long now = System.nanoTime();
        if (terminal) {
            out.print("\r" + line(what) + "   ");
            out.flush();
        } else if (now - lastPrintNanos >= LOG_INTERVAL.toNanos() || done == total) {
            out.println(line(what));
            out.flush();
            lastPrintNanos = now;
        }
    }

    void finish() {
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    int failures() {
        return failures;
    }

    String line(String what) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long left = done == 0 ? 0 : Math.round(elapsed / done * (total - done));
        return String.format(
                Locale.ROOT,
                "[%d/%d] %d failed, about %s left (%s)",
                done,
                total,
                failures,
                left >= 60 ? (left / 60) + " min " + (left % 60) + " s" : left + " s",
                what);
    }
}
