package io.authbench.harness.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One iteration's time: the deadline every wait is bounded by, and the harness overhead booked by kind (work a
 * user's browser would not do: new contexts, CDP sessions, probes, snapshots), reported per sample.
 */
final class IterationBudget {
    private final long timeoutMs;
    private final long deadline;
    private final Map<String, Long> overheadNanos = new LinkedHashMap<>();

    IterationBudget(long timeoutMs) {
        this.timeoutMs = timeoutMs;
        this.deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    }

    long timeoutMs() {
        return timeoutMs;
    }

    /** Milliseconds left, at least 1 (Playwright reads 0 as "no timeout"). */
    long remainingMs() {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
    }

    boolean expired() {
        return System.nanoTime() >= deadline;
    }

    /** Ends the iteration if its time is up before the measured phase even started. */
    void checkDeadline() {
        if (expired()) {
            throw new FlowFailure("timed out (" + timeoutMs + " ms) during set-up");
        }
    }

    /** Runs harness-only work and books its time under {@code label}. */
    <T> T timed(String label, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            overheadNanos.merge(label, System.nanoTime() - start, Long::sum);
        }
    }

    Map<String, Double> overheadMs() {
        Map<String, Double> ms = new LinkedHashMap<>();
        overheadNanos.forEach((k, v) -> ms.put(k, v / 1e6));
        return ms;
    }
}
