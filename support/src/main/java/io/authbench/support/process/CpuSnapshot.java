package io.authbench.support.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU time of a process tree at one instant, thread by thread, in nanoseconds: read one before and one after a
 * measured phase and {@link #usageSince} gives what the phase cost the tree, with sub-millisecond resolution.
 *
 * <p>Why threads: {@code /proc/<pid>/stat} counts in 10 ms clock ticks, far coarser than one page view (about 1 ms),
 * and {@code /proc/<pid>/schedstat} is the <em>leader thread's</em> run time only. The first field of each
 * {@code /proc/<pid>/task/<tid>/schedstat} is that thread's run time in nanoseconds (the scheduler's
 * {@code sum_exec_runtime}); their sum over the tree's live threads is exact for threads alive at both reads.
 *
 * <p>Threads that exit between the two reads take the time they ran after the first read with them. For those
 * intervals the per-process {@code utime + stime} of {@code /proc/<pid>/stat}, which keeps exited threads' time,
 * serves as a floor: the kernel truncates each of the two to whole ticks, so the true use of that process is more
 * than its tick difference minus two ticks, and the result is the larger of that floor and the threads' sum. It is
 * therefore never more than the truth, exact when no thread exited, and otherwise short by less than four ticks per
 * process at worst; {@link CpuUsage#exitedThreads()} says when that happened.
 *
 * <p>JIT compilation: the time of HotSpot's compiler threads ({@code C1 CompilerThread*}, {@code C2 CompilerThread*};
 * 15 characters in {@code comm}) is reported apart in {@link CpuUsage#compilerNanos()}, so "work" figures leave it
 * out the same way wherever this class is used (the browser phase and the server phase). Other runtimes (Node's V8)
 * compile on threads that also do other work; their compilation stays in the work figure.
 *
 * <p>Only Linux with scheduler statistics has these files: {@link #of} is empty elsewhere, and callers record the CPU
 * as not measured rather than fall back to ticks.
 */
public final class CpuSnapshot {
    /** HotSpot's JIT compiler threads as {@code /proc/.../comm} shows them (names are cut at 15 characters). */
    private static final String[] COMPILER_THREAD_PREFIXES = {"C1 CompilerThre", "C2 CompilerThre"};

    /** One thread's run time and whether it is a JIT compiler thread. */
    record ThreadTime(long pid, long nanos, boolean compiler) {}

    private final long rootPid;
    private final Map<Long, ThreadTime> threads;
    private final Map<Long, Long> processTicks;

    CpuSnapshot(long rootPid, Map<Long, ThreadTime> threads, Map<Long, Long> processTicks) {
        this.rootPid = rootPid;
        this.threads = Map.copyOf(threads);
        this.processTicks = Map.copyOf(processTicks);
    }

    /**
     * Reads {@code pid} and its live descendants now; empty if {@code pid} is gone or this system has no per-thread
     * {@code schedstat} (not Linux, or a kernel without scheduler statistics).
     */
    public static Optional<CpuSnapshot> of(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Map<Long, ThreadTime> threads = new LinkedHashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        if (!readProcess(pid, threads, ticks) || schedulerStatisticsOff(threads, ticks.get(pid))) {
            return Optional.empty();
        }
        ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::descendants)
                .forEach(child -> readProcess(child.pid(), threads, ticks));
        return Optional.of(new CpuSnapshot(pid, threads, ticks));
    }

    public long rootPid() {
        return rootPid;
    }

    /** Number of threads read. */
    public int threads() {
        return threads.size();
    }

    /** Number of JIT compiler threads read. */
    int compilerThreads() {
        return (int) threads.values().stream().filter(ThreadTime::compiler).count();
    }

    /** Sum of the threads' run time so far (live threads only: a total, not a use; see {@link #usageSince}). */
    public long liveThreadNanos() {
        return threads.values().stream().mapToLong(ThreadTime::nanos).sum();
    }

    /** What the tree used between {@code before} and this reading. */
    public CpuUsage usageSince(CpuSnapshot before) {
        return between(before, this, ProcessCpu.ticksPerSecond());
    }

    static CpuUsage between(CpuSnapshot before, CpuSnapshot after, long ticksPerSecond) {
        long nanosPerTick = 1_000_000_000L / ticksPerSecond;
        Map<Long, Long> perProcess = new HashMap<>();
        long compiler = 0;
        for (Map.Entry<Long, ThreadTime> entry : after.threads.entrySet()) {
            ThreadTime now = entry.getValue();
            ThreadTime then = before.threads.get(entry.getKey());
            // A thread first seen now started during the phase: all its time is the phase's. A smaller value than
            // before means the thread id was reused by a new thread: count the new one from zero too.
            long used = then == null || then.pid() != now.pid() || now.nanos() < then.nanos()
                    ? now.nanos()
                    : now.nanos() - then.nanos();
            perProcess.merge(now.pid(), used, Long::sum);
            if (now.compiler()) {
                compiler += used;
            }
        }
        Map<Long, Integer> exitedByProcess = new HashMap<>();
        for (Map.Entry<Long, ThreadTime> entry : before.threads.entrySet()) {
            ThreadTime then = entry.getValue();
            ThreadTime now = after.threads.get(entry.getKey());
            if (now == null || now.pid() != then.pid()) {
                exitedByProcess.merge(then.pid(), 1, Integer::sum);
            }
        }
        long total = 0;
        for (long pid : union(perProcess.keySet(), exitedByProcess.keySet())) {
            long threadsSum = perProcess.getOrDefault(pid, 0L);
            Long ticksBefore = before.processTicks.get(pid);
            Long ticksAfter = after.processTicks.get(pid);
            if (exitedByProcess.containsKey(pid) && ticksBefore != null && ticksAfter != null) {
                // Each of utime and stime is truncated to a whole tick at each read: the true use exceeds this.
                long floor = (ticksAfter - ticksBefore - 2) * nanosPerTick;
                threadsSum = Math.max(threadsSum, floor);
            }
            total += threadsSum;
        }
        int exited =
                exitedByProcess.values().stream().mapToInt(Integer::intValue).sum();
        return new CpuUsage(total, Math.min(compiler, total), exited);
    }

    /** A kernel with scheduler statistics switched off shows "0 0 0" for every thread that has run. */
    private static boolean schedulerStatisticsOff(Map<Long, ThreadTime> threads, long ticks) {
        return ticks > 0 && threads.values().stream().allMatch(t -> t.nanos() == 0);
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Adds one process's threads; false if the process (or its {@code schedstat}) cannot be read. */
    private static boolean readProcess(long pid, Map<Long, ThreadTime> threads, Map<Long, Long> ticks) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Map<Long, ThreadTime> found = new HashMap<>();
        try {
            String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                for (Path task : tasks) {
                    long tid = Long.parseLong(task.getFileName().toString());
                    try {
                        long nanos =
                                parseRunNanos(Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII));
                        String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8)
                                .strip();
                        found.put(tid, new ThreadTime(pid, nanos, isCompilerThread(name)));
                    } catch (NoSuchFileException gone) {
                        // the thread exited while we listed them: it counts as exited
                    }
                }
            }
            ticks.put(pid, ProcessCpu.parseStatTicks(stat));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (found.isEmpty()) {
            return false;
        }
        threads.putAll(found);
        return true;
    }

    /** The run time in nanoseconds: the first of the three numbers of a {@code schedstat} file. */
    static long parseRunNanos(String schedstat) {
        String[] fields = schedstat.strip().split("\\s+");
        if (fields.length != 3) {
            throw new IllegalArgumentException("a schedstat line has three numbers, got '" + schedstat.strip() + "'");
        }
        return Long.parseLong(fields[0]);
    }

    /** HotSpot's JIT threads: {@code C1 CompilerThread0}, {@code C2 CompilerThread1} (15 characters in /proc). */
    public static boolean isCompilerThread(String name) {
        for (String prefix : COMPILER_THREAD_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "CpuSnapshot[pid " + rootPid + ", " + threads.size() + " threads, " + liveThreadNanos() + " ns]";
    }
}
