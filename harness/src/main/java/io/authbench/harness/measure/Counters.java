package io.authbench.harness.measure;

import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.support.process.ProcessCpu;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The server-side counters read just before and just after an iteration's measured phase: the app's and Appwrite's
 * CPU time (from their processes) and the emulator's API call count. An iteration's share of each is the difference;
 * a counter that could not be read at either end is not measured (absent from the metrics, never 0).
 *
 * @param appCpuMs      the app server's CPU milliseconds so far (10 ms ticks: only batch sums mean something)
 * @param appwriteCpuMs Appwrite's CPU milliseconds so far
 * @param appwriteCalls the emulator's API calls so far; -1 = not known (Appwrite is not the emulator)
 */
public record Counters(OptionalLong appCpuMs, OptionalLong appwriteCpuMs, long appwriteCalls) {
    /** Nothing known: an iteration that failed before its measured phase started. */
    public static final Counters NONE = new Counters(OptionalLong.empty(), OptionalLong.empty(), -1);

    /**
     * Reads the counters now.
     *
     * @param appPid        the app server's process id, -1 = not measured
     * @param appwritePid   Appwrite's process id, -1 = not measured
     * @param emulatorCalls the emulator's call counter, null = not the emulator
     */
    public static Counters read(long appPid, long appwritePid, LongSupplier emulatorCalls) {
        return new Counters(cpuMillis(appPid), cpuMillis(appwritePid),
                emulatorCalls == null ? -1 : emulatorCalls.getAsLong());
    }

    /** Sets the raw per-iteration CPU deltas (the engine replaces them by the cell's batch average). */
    public void addCpuSince(Counters before, Metrics.Builder metrics) {
        delta(before.appCpuMs, appCpuMs).ifPresent(ms -> metrics.set(Metric.SERVER_CPU_APP_MS, ms));
        delta(before.appwriteCpuMs, appwriteCpuMs).ifPresent(ms -> metrics.set(Metric.SERVER_CPU_APPWRITE_MS, ms));
    }

    /**
     * App→Appwrite calls of the iteration: every call the emulator counted minus those the browser made itself;
     * empty when the emulator's counter is not known at either end.
     */
    public OptionalLong serverSideCallsSince(Counters before, int browserCalls) {
        if (before.appwriteCalls < 0 || appwriteCalls < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, appwriteCalls - before.appwriteCalls - browserCalls));
    }

    private static OptionalLong delta(OptionalLong before, OptionalLong after) {
        return before.isPresent() && after.isPresent() ? OptionalLong.of(after.getAsLong() - before.getAsLong())
                : OptionalLong.empty();
    }

    /**
     * CPU milliseconds of {@code pid} and its descendants so far, empty if it is not measured ({@code pid <= 0}) or
     * gone. The tree, because a launched app's server may fork ({@code next start} runs {@code next-server}); a JVM app
     * has no children, so it is the same number there.
     */
    private static OptionalLong cpuMillis(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        OptionalLong nanos = ProcessCpu.treeNanosOf(pid);
        return nanos.isPresent() ? OptionalLong.of(nanos.getAsLong() / 1_000_000L) : OptionalLong.empty();
    }
}
