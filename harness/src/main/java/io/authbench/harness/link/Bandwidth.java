package io.authbench.harness.link;

/**
 * The transmission capacity of one direction of a link, shared by all of the link's connections, as a real access
 * line is: six parallel downloads over a 5 Mbit/s line get 5 Mbit/s together, not 5 each.
 *
 * <p>Chunks are sent first come, first served: a chunk starts when the line is free and occupies it for
 * {@code n * 8 / bps}. Chunks are small (about 2 ms of line time, see {@link DelayLine#chunkSize}), so parallel
 * connections interleave finely, like packets on a shared queue.
 */
final class Bandwidth {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long bitsPerSecond;
    private long lineFreeAt;
    private boolean used;

    /** @param bitsPerSecond the capacity; 0 = unlimited */
    Bandwidth(long bitsPerSecond) {
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("bitsPerSecond must not be negative, got " + bitsPerSecond);
        }
        this.bitsPerSecond = bitsPerSecond;
    }

    long bitsPerSecond() {
        return bitsPerSecond;
    }

    /**
     * Reserves the line for a chunk that may start no earlier than {@code earliestStart}.
     *
     * @return the nanoTime at which the chunk's last bit has left
     */
    long reserve(long earliestStart, int bytes) {
        if (bitsPerSecond == 0) {
            return earliestStart; // unlimited: no shared state, no lock
        }
        long duration = serialisationNanos(bytes);
        synchronized (this) {
            long start = used ? DelayLine.later(earliestStart, lineFreeAt) : earliestStart;
            used = true;
            lineFreeAt = start + duration;
            return lineFreeAt;
        }
    }

    long serialisationNanos(int bytes) {
        // bytes * 8e9 fits a long for chunks up to ~1 GB (ours are ≤ 64 KiB); multiplyExact makes any misuse loud.
        return bitsPerSecond == 0 ? 0 : Math.multiplyExact((long) bytes * 8, NANOS_PER_SECOND) / bitsPerSecond;
    }
}
