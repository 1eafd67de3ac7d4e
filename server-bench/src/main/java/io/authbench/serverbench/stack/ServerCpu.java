package io.authbench.serverbench.stack;

import io.authbench.support.process.CpuSnapshot;
import io.authbench.support.process.CpuUsage;
import io.authbench.support.process.ProcessCpu;
import java.util.Optional;

/**
 * CPU time of a server (its process tree) split into what its requests cost and what its JIT compiler spent, for
 * "server CPU per request" figures that a still-compiling server does not inflate.
 *
 * <p>Why: a JVM that meets a new code path (the SDK's headers, a fresh JMH fork's request pattern, a busy machine
 * that starves the compiler threads) compiles it in its {@code C1/C2 CompilerThread}s, and over a one-second JMH
 * iteration that compilation can be ten times the requests' own CPU (measured: the emulator's compiler threads at
 * 100–300 ms/s while its request threads used 20–80 ms/s). Compilation is a warm-up cost, not a cost per request, so
 * it is reported on its own, never hidden: {@code requests = tree total − compiler threads}. GC and every other
 * thread stay in the request figure (allocation is a per-request cost).
 *
 * <p>Source: support's {@link CpuSnapshot}, the same per-thread reading (nanoseconds, compiler threads told apart
 * by name, exited threads floored by {@code /proc/<pid>/stat}) that the browser phase uses for {@code appCpuMs}, so
 * both phases account for JIT compilation the same way. Without per-thread {@code schedstat} (not Linux) the split
 * is unknown: the process tree's total of {@link ProcessCpu} counts entirely as requests. A Node.js server (the
 * Next.js apps) has no HotSpot compiler threads: V8 compiles on its worker threads, which also collect garbage, so
 * for Node.js everything counts as requests (its JIT share is reported as zero).
 */
public final class ServerCpu {
    private final long pid;
    private final ProcessCpu process;

    private ServerCpu(long pid) {
        this.pid = pid;
        // The whole process tree for the fallback too: a JVM server has no children, but `next start` may run its
        // server or workers as child processes, whose CPU is the app's as much as its own.
        this.process = ProcessCpu.withDescendants(pid);
    }

    public static ServerCpu of(long pid) {
        return new ServerCpu(pid);
    }

    public long pid() {
        return pid;
    }

    /**
     * A point-in-time reading.
     *
     * @param threads      the tree's per-thread reading, empty without {@code schedstat}
     * @param processNanos the process's total from {@link ProcessCpu}, the fallback
     */
    public record Sample(Optional<CpuSnapshot> threads, long processNanos) {}

    /**
     * CPU used between two samples.
     *
     * @param totalNanos    the whole process tree
     * @param compilerNanos its JIT compiler threads
     */
    public record Usage(long totalNanos, long compilerNanos) {
        /** The whole tree minus JIT compilation. */
        public long requestNanos() {
            return Math.max(0, totalNanos - compilerNanos);
        }
    }

    public Sample sample() {
        return new Sample(CpuSnapshot.of(pid), process.total().toNanos());
    }

    /** CPU used since {@code before}. */
    public Usage since(Sample before) {
        return between(before, sample());
    }

    static Usage between(Sample before, Sample after) {
        if (before.threads().isPresent() && after.threads().isPresent()) {
            CpuUsage used = after.threads().get().usageSince(before.threads().get());
            return new Usage(used.totalNanos(), used.compilerNanos());
        }
        return new Usage(Math.max(0, after.processNanos() - before.processNanos()), 0);
    }

    /** HotSpot's JIT threads: {@code C1 CompilerThread0}, {@code C2 CompilerThread1} (15 characters in /proc). */
    static boolean isCompilerThread(String name) {
        return CpuSnapshot.isCompilerThread(name);
    }
}
