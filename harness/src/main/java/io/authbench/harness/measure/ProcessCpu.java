package io.authbench.harness.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time (user + system) a process has used so far, from {@code /proc/<pid>/stat}. Linux counts it in clock
 * ticks of 10 ms ({@code CLK_TCK} = 100), so single page views are below its resolution: the harness sums
 * per-iteration deltas over a whole cell and divides (platform-notes §7).
 */
public final class ProcessCpu {
    /** Milliseconds per clock tick on Linux ({@code getconf CLK_TCK} = 100). */
    static final long MS_PER_TICK = 10;

    private ProcessCpu() {
    }

    /** Total CPU milliseconds of {@code pid}, empty if the process is gone or this is not Linux. */
    public static OptionalLong millis(long pid) {
        try {
            return OptionalLong.of(parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line, in milliseconds. */
    static long parseStat(String stat) {
        // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * MS_PER_TICK;
    }
}
