package io.authbench.support.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * CPU time (user + system) consumed so far by a live process, and optionally by its descendants, for "server CPU
 * per request" figures: read it before and after a batch of requests and divide the difference by the batch size.
 *
 * <p>Source: {@code utime + stime} of {@code /proc/<pid>/stat} in clock ticks ({@code getconf CLK_TCK}, 100 on
 * Linux, so the resolution is 10 ms: measure batches, never single requests), falling back to
 * {@link ProcessHandle.Info#totalCpuDuration()} where there is no {@code /proc}. Both are only readable while the
 * process lives (docs/measurement-model.md#cpu-time-of-a-child-process), so an instance keeps its <em>last successful
 * sample</em> and returns it once the process is gone; {@link #isAlive()} tells which case it is.
 *
 * <pre>{@code
 * ProcessCpu app = ProcessCpu.of(ssr.pid());
 * Duration before = app.total();
 * ... 1000 page views ...
 * double msPerView = app.total().minus(before).toNanos() / 1e6 / 1000;
 * }</pre>
 *
 * <p>Thread-safe: sampling is a file read; the last sample is a volatile field.
 */
public final class ProcessCpu {
    /** Linux's usual tick rate, used when {@code getconf CLK_TCK} cannot be asked. */
    static final long DEFAULT_TICKS_PER_SECOND = 100;

    private static volatile long ticksPerSecond;

    private final long pid;
    private final boolean includeDescendants;
    private volatile Duration last = Duration.ZERO;
    private volatile boolean alive = true;

    private ProcessCpu(long pid, boolean includeDescendants) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid + ".");
        }
        this.pid = pid;
        this.includeDescendants = includeDescendants;
        total();
    }

    /** The CPU time of {@code pid} alone (all its threads). */
    public static ProcessCpu of(long pid) {
        return new ProcessCpu(pid, false);
    }

    /**
     * The CPU time of {@code pid} plus that of its live descendants (a launcher script and the JVM it starts, for
     * example). Descendants that already exited are not counted: the kernel adds them to the parent's
     * {@code cutime}, which only appears once the parent reaps them.
     */
    public static ProcessCpu withDescendants(long pid) {
        return new ProcessCpu(pid, true);
    }

    public long pid() {
        return pid;
    }

    /**
     * CPU time consumed so far; once the process has exited, the last value read while it lived (never less than an
     * earlier answer).
     */
    public Duration total() {
        OptionalLong own = nanosOf(pid);
        if (own.isEmpty()) {
            alive = false;
            return last;
        }
        long nanos = own.getAsLong();
        if (includeDescendants) {
            nanos += ProcessHandle.of(pid).stream()
                    .flatMap(ProcessHandle::descendants)
                    .mapToLong(child -> nanosOf(child.pid()).orElse(0))
                    .sum();
        }
        Duration now = Duration.ofNanos(nanos);
        synchronized (this) {
            // A descendant that exits between two reads makes the sum drop; a CPU counter never goes back.
            if (now.compareTo(last) > 0) {
                last = now;
            }
            return last;
        }
    }

    /** Whether the last {@link #total()} found the process running. */
    public boolean isAlive() {
        return alive;
    }

    /** CPU nanoseconds of one live process, empty if it is gone (or cannot be read on this system). */
    public static OptionalLong nanosOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return OptionalLong.of(parseStatTicks(stat) * (1_000_000_000L / ticksPerSecond()));
        } catch (IOException | RuntimeException e) {
            Optional<Duration> fallback =
                    ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
            return fallback.map(d -> OptionalLong.of(d.toNanos())).orElse(OptionalLong.empty());
        }
    }

    /**
     * CPU nanoseconds of a live process plus its live descendants (a launched app's server may fork, and
     * {@code next start} runs as a renamed {@code next-server} process that can start workers), empty if the process
     * is gone. Descendants that already exited are not counted (see {@link #withDescendants}).
     */
    public static OptionalLong treeNanosOf(long pid) {
        OptionalLong own = nanosOf(pid);
        if (own.isEmpty()) {
            return own;
        }
        long children = ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::descendants)
                .mapToLong(child -> nanosOf(child.pid()).orElse(0))
                .sum();
        return OptionalLong.of(own.getAsLong() + children);
    }

    /** utime + stime, in clock ticks, of one {@code /proc/<pid>/stat} line. */
    static long parseStatTicks(String stat) {
        // Field 2, the command name, is in parentheses and may contain spaces and ')': split after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** {@code getconf CLK_TCK}, asked once per JVM (bounded to 5 s); {@value #DEFAULT_TICKS_PER_SECOND} if that fails. */
    static long ticksPerSecond() {
        long known = ticksPerSecond;
        if (known > 0) {
            return known;
        }
        long asked = askClockTicks();
        ticksPerSecond = asked;
        return asked;
    }

    private static long askClockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            if (!getconf.waitFor(5, TimeUnit.SECONDS)) {
                getconf.destroyForcibly();
                return DEFAULT_TICKS_PER_SECOND;
            }
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            long ticks = Long.parseLong(out);
            return ticks > 0 && 1_000_000_000L % ticks == 0 ? ticks : DEFAULT_TICKS_PER_SECOND;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_TICKS_PER_SECOND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_TICKS_PER_SECOND;
        }
    }

    @Override
    public String toString() {
        return "ProcessCpu[pid " + pid + (includeDescendants ? " + descendants" : "") + ", last " + last.toMillis()
                + " ms]";
    }
}
