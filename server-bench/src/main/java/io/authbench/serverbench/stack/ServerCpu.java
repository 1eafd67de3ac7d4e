package io.authbench.serverbench.stack;

import io.authbench.support.process.ProcessCpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of a server JVM split into what its requests cost and what its JIT compiler spent, for "server CPU per
 * request" figures that a still-compiling server does not inflate.
 *
 * <p>Why: a JVM that meets a new code path (the SDK's headers, a fresh JMH fork's request pattern, a busy machine
 * that starves the compiler threads) compiles it in its {@code C1/C2 CompilerThread}s, and over a one-second JMH
 * iteration that compilation can be ten times the requests' own CPU (measured: the emulator's compiler threads at
 * 100–300 ms/s while its request threads used 20–80 ms/s). Compilation is a warm-up cost, not a cost per request, so
 * it is reported on its own, never hidden: {@code requests = process total − compiler threads}. GC and every other
 * thread stay in the request figure (allocation is a per-request cost).
 *
 * <p>Source: {@code /proc/<pid>/stat} of the process and of its live descendants for the total (which keeps the CPU of
 * threads that have exited; a descendant that exits between two samples takes its CPU of that interval with it) and
 * {@code /proc/<pid>/task/<tid>/stat} for the compiler threads, in clock ticks (10 ms). A compiler thread that exits
 * between two samples (HotSpot retires idle ones) takes its CPU of that interval into the request figure; that is at
 * most one tick per thread. Without {@code /proc} the split is unknown and everything counts as requests. A Node.js
 * server (the Next.js apps) has no HotSpot compiler threads: V8 compiles on its worker threads, which also collect
 * garbage, so for Node.js everything counts as requests (its JIT share is reported as zero).
 */
public final class ServerCpu {
    private final long pid;
    private final ProcessCpu process;

    private ServerCpu(long pid) {
        this.pid = pid;
        // The whole process tree: a JVM server has no children, but `next start` may run its server or workers as
        // child processes, whose CPU is the app's as much as its own.
        this.process = ProcessCpu.withDescendants(pid);
    }

    public static ServerCpu of(long pid) {
        return new ServerCpu(pid);
    }

    public long pid() {
        return pid;
    }

    /** A point-in-time reading: the process total and the CPU of each live JIT compiler thread by thread id. */
    public record Sample(long totalNanos, Map<String, Long> compilerThreadNanos) {
        public Sample {
            compilerThreadNanos = Map.copyOf(compilerThreadNanos);
        }
    }

    /**
     * CPU used between two samples.
     *
     * @param totalNanos    the whole process
     * @param compilerNanos its JIT compiler threads
     */
    public record Usage(long totalNanos, long compilerNanos) {
        /** The whole process minus JIT compilation. */
        public long requestNanos() {
            return Math.max(0, totalNanos - compilerNanos);
        }
    }

    public Sample sample() {
        long total = process.total().toNanos();
        return new Sample(total, compilerThreads());
    }

    /** CPU used since {@code before}. */
    public Usage since(Sample before) {
        return between(before, sample());
    }

    static Usage between(Sample before, Sample after) {
        long compiler = 0;
        for (Map.Entry<String, Long> thread : after.compilerThreadNanos().entrySet()) {
            // A compiler thread started during the interval counts from zero.
            compiler += Math.max(0, thread.getValue() - before.compilerThreadNanos().getOrDefault(thread.getKey(), 0L));
        }
        long total = Math.max(0, after.totalNanos() - before.totalNanos());
        return new Usage(total, Math.min(compiler, total));
    }

    private Map<String, Long> compilerThreads() {
        Map<String, Long> threads = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    if (isCompilerThread(threadName(stat))) {
                        threads.put(task.getFileName().toString(), ticks(stat) * nanosPerTick());
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread exited while we listed them
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // no /proc (or the process is gone): no split
        }
        return threads;
    }

    /** HotSpot's JIT threads: {@code C1 CompilerThread0}, {@code C2 CompilerThread1} (15 characters in /proc). */
    static boolean isCompilerThread(String name) {
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    static String threadName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long nanosPerTick() {
        // /proc reports thread times in USER_HZ, which Linux fixes at 100 for user space (getconf CLK_TCK).
        return 10_000_000L;
    }
}
