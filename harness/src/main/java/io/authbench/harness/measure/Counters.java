package io.authbench.harness.measure;

import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.support.process.CpuSnapshot;
import io.authbench.support.process.CpuUsage;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The server-side counters read just before and just after an iteration's measured phase: the app's and Appwrite's
 * CPU (per thread, in nanoseconds, from their process trees) and the emulator's API call count. An iteration's share
 * of each is the difference; a counter that could not be read at either end is not measured (absent from the
 * metrics, never 0).
 *
 * @param appCpu        the app server's process tree, empty = not measured (not started by us, or no /proc)
 * @param appwriteCpu   Appwrite's process, empty = not measured
 * @param appwriteCalls the emulator's API calls so far; -1 = not known (Appwrite is not the emulator)
 */
public record Counters(Optional<CpuSnapshot> appCpu, Optional<CpuSnapshot> appwriteCpu, long appwriteCalls) {
    /** Nothing known: an iteration that failed before its measured phase started. */
    public static final Counters NONE = new Counters(Optional.empty(), Optional.empty(), -1);

    /**
     * Reads the counters now.
     *
     * @param appPid        the app server's process id, -1 = not measured
     * @param appwritePid   Appwrite's process id, -1 = not measured
     * @param emulatorCalls the emulator's call counter, null = not the emulator
     */
    public static Counters read(long appPid, long appwritePid, LongSupplier emulatorCalls) {
        // The tree, because a launched app's server may fork (next start runs next-server); a JVM has no children.
        return new Counters(
                CpuSnapshot.of(appPid),
                CpuSnapshot.of(appwritePid),
                emulatorCalls == null ? -1 : emulatorCalls.getAsLong());
    }

    /**
     * Sets this iteration's own server CPU (JIT compiler threads apart, in their own metrics), and notes in
     * {@code checks} when threads exited during the phase (their last moments are then covered by a tick floor).
     */
    public void addCpuSince(Counters before, Metrics.Builder metrics, Map<String, String> checks) {
        usage(before.appCpu, appCpu).ifPresent(used -> {
            metrics.set(Metric.APP_CPU_MS, used.workNanos() / 1e6).set(Metric.APP_JIT_MS, used.compilerNanos() / 1e6);
            noteExits("app", used, checks);
        });
        usage(before.appwriteCpu, appwriteCpu).ifPresent(used -> {
            metrics.set(Metric.APPWRITE_CPU_MS, used.workNanos() / 1e6)
                    .set(Metric.APPWRITE_JIT_MS, used.compilerNanos() / 1e6);
            noteExits("Appwrite", used, checks);
        });
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

    private static Optional<CpuUsage> usage(Optional<CpuSnapshot> before, Optional<CpuSnapshot> after) {
        return before.isPresent()
                        && after.isPresent()
                        && before.get().rootPid() == after.get().rootPid()
                ? Optional.of(after.get().usageSince(before.get()))
                : Optional.empty();
    }

    private static void noteExits(String server, CpuUsage used, Map<String, String> checks) {
        if (used.exitedThreads() > 0) {
            checks.merge(
                    "serverCpu",
                    server + ": " + used.exitedThreads() + " thread(s) exited during the phase;"
                            + " their time after the first reading is counted from /proc/<pid>/stat's 10 ms ticks, as a floor",
                    (a, b) -> a + "; " + b);
        }
    }
}
