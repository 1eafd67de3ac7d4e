package io.authbench.support.process;

/**
 * The CPU a process tree used between two {@link CpuSnapshot}s, in nanoseconds.
 *
 * @param totalNanos    every thread of the tree (a lower bound when threads exited, see {@link CpuSnapshot})
 * @param compilerNanos the part spent in HotSpot's JIT compiler threads (never more than the total)
 * @param exitedThreads threads of the first reading that were gone at the second
 */
public record CpuUsage(long totalNanos, long compilerNanos, int exitedThreads) {
    public CpuUsage {
        if (totalNanos < 0 || compilerNanos < 0 || compilerNanos > totalNanos || exitedThreads < 0) {
            throw new IllegalArgumentException("inconsistent CPU use: total " + totalNanos + " ns, compiler "
                    + compilerNanos + " ns, " + exitedThreads + " exited threads");
        }
    }

    /** The tree's work without JIT compilation: what "server CPU per page view / per request" reports. */
    public long workNanos() {
        return totalNanos - compilerNanos;
    }
}
