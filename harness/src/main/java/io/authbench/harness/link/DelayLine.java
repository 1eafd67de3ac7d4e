package io.authbench.harness.link;

/**
 * The timing model of one direction of a link, as pure arithmetic on {@link System#nanoTime()} values.
 *
 * <p>A chunk of {@code n} bytes read at time {@code t} starts leaving when the line is free (after every earlier
 * chunk, and never before the line's earliest departure), occupies the line for its serialisation time
 * {@code n * 8 / bps}, and arrives one one-way delay after it has fully left. Delivery times are therefore
 * non-decreasing, which is what keeps byte order per direction. An end (FIN) or reset takes no bandwidth but
 * queues behind the data before it.
 *
 * <p>Not thread-safe: one reader thread owns each direction.
 */
final class DelayLine {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long oneWayNanos;
    private final long bitsPerSecond;
    /** The time before which nothing can start leaving: the end of the previous chunk, or the handshake. */
    private long lineFreeAt;

    /**
     * @param oneWayNanos       propagation delay of this direction
     * @param bitsPerSecond     bandwidth of this direction; 0 = unlimited
     * @param earliestDeparture nanoTime before which no byte may leave (models the TCP handshake)
     */
    DelayLine(long oneWayNanos, long bitsPerSecond, long earliestDeparture) {
        if (oneWayNanos < 0 || bitsPerSecond < 0) {
            throw new IllegalArgumentException("oneWayNanos and bitsPerSecond must not be negative");
        }
        this.oneWayNanos = oneWayNanos;
        this.bitsPerSecond = bitsPerSecond;
        this.lineFreeAt = earliestDeparture;
    }

    /** When a chunk of {@code bytes} read at {@code readAt} is to be handed to the receiving side. */
    long deliveryOfData(long readAt, int bytes) {
        long start = later(readAt, lineFreeAt);
        lineFreeAt = start + serialisationNanos(bytes);
        return lineFreeAt + oneWayNanos;
    }

    /** When an end of stream (or a reset) seen at {@code readAt} is to be handed on: after all data before it. */
    long deliveryOfEnd(long readAt) {
        return later(readAt, lineFreeAt) + oneWayNanos;
    }

    long serialisationNanos(int bytes) {
        // bytes * 8e9 fits a long for chunks up to ~1 GB (ours are ≤ 64 KiB); multiplyExact makes any misuse loud.
        return bitsPerSecond == 0 ? 0 : Math.multiplyExact((long) bytes * 8, NANOS_PER_SECOND) / bitsPerSecond;
    }

    /**
     * How many bytes to read per chunk on a line of this bandwidth: about 2 ms of line time, at least one TCP
     * segment (1460 B) and at most 64 KiB. Small chunks make a slow line deliver progressively, like a real one,
     * instead of releasing a large read all at once at the end of its serialisation time.
     */
    static int chunkSize(long bitsPerSecond) {
        if (bitsPerSecond == 0) {
            return 64 * 1024;
        }
        long twoMillisOfBytes = bitsPerSecond / 8 / 500;
        return (int) Math.max(1460, Math.min(64 * 1024, twoMillisOfBytes));
    }

    /** The later of two nanoTime values (overflow-safe comparison, as {@link System#nanoTime()} asks). */
    static long later(long a, long b) {
        return a - b >= 0 ? a : b;
    }
}
