package io.authbench.harness.link;

/**
 * The timing model of one direction of one connection, as pure arithmetic on {@link System#nanoTime()} values.
 *
 * <p>A chunk read at time {@code t} may start leaving at {@code t}, but not before the connection's earlier chunks
 * have left nor before the connection's earliest departure (the TCP handshake); it then waits for the link's shared
 * {@link Bandwidth}, occupies it for its serialisation time, and arrives one one-way delay after it has fully
 * left. Delivery times of one connection are therefore non-decreasing, which keeps byte order per direction. An
 * end (FIN) or reset takes no bandwidth but queues behind the connection's data.
 *
 * <p>While the link's {@link Shaping} is off, a chunk leaves as soon as the connection's earlier chunks have and
 * arrives at once, never before a chunk read earlier (delivery times stay non-decreasing across switches).
 *
 * <p>Not thread-safe: one reader thread owns each direction of a connection.
 */
final class DelayLine {

    private final long oneWayNanos;
    private final Bandwidth bandwidth;
    private final Shaping shaping;
    /** Before this nothing of this connection may start leaving: its previous chunk's end, or the handshake. */
    private long earliestDeparture;
    /** The previous delivery time: none may come before it, whatever the shaping was when each chunk was read. */
    private long lastDelivery;

    /**
     * @param oneWayNanos       propagation delay of this direction
     * @param bandwidth         the link's capacity in this direction, shared with its other connections
     * @param earliestDeparture nanoTime before which no byte may leave (models the TCP handshake)
     */
    DelayLine(long oneWayNanos, Bandwidth bandwidth, long earliestDeparture) {
        this(oneWayNanos, bandwidth, earliestDeparture, new Shaping());
    }

    /** As above, with a switch that can turn the link's profile off (see {@link Shaping}). */
    DelayLine(long oneWayNanos, Bandwidth bandwidth, long earliestDeparture, Shaping shaping) {
        if (oneWayNanos < 0) {
            throw new IllegalArgumentException("oneWayNanos must not be negative, got " + oneWayNanos);
        }
        this.oneWayNanos = oneWayNanos;
        this.bandwidth = bandwidth;
        this.earliestDeparture = earliestDeparture;
        this.lastDelivery = earliestDeparture;
        this.shaping = shaping;
    }

    /** A line with a bandwidth of its own (not shared). */
    DelayLine(long oneWayNanos, long bitsPerSecond, long earliestDeparture) {
        this(oneWayNanos, new Bandwidth(bitsPerSecond), earliestDeparture);
    }

    /** When a chunk of {@code bytes} read at {@code readAt} is to be handed to the receiving side. */
    long deliveryOfData(long readAt, int bytes) {
        if (shaping.on()) {
            earliestDeparture = bandwidth.reserve(later(readAt, earliestDeparture), bytes);
            return deliverAt(earliestDeparture + oneWayNanos);
        }
        earliestDeparture = later(readAt, earliestDeparture);
        return deliverAt(earliestDeparture);
    }

    /** When an end of stream (or a reset) seen at {@code readAt} is to be handed on: after all data before it. */
    long deliveryOfEnd(long readAt) {
        long departure = later(readAt, earliestDeparture);
        return deliverAt(shaping.on() ? departure + oneWayNanos : departure);
    }

    private long deliverAt(long due) {
        lastDelivery = later(due, lastDelivery);
        return lastDelivery;
    }

    /**
     * How many bytes to read per chunk on a line of this bandwidth: about 2 ms of line time, at least one TCP
     * segment (1460 B) and at most 64 KiB. Small chunks make a slow line deliver progressively, like a real one,
     * instead of releasing a large read all at once at the end of its serialisation time, and let parallel
     * connections share the line finely.
     */
    static int chunkSize(long bitsPerSecond) {
        if (bitsPerSecond == 0) {
            return 64 * 1024;
        }
        long twoMillisOfBytes = bitsPerSecond / 8 / 500;
        return (int) Math.max(1460, Math.min(64 * 1024, twoMillisOfBytes));
    }

    /**
     * Bytes one connection may have in flight in one direction (read from the sender, not yet delivered). Beyond
     * this its reader stops reading, the kernel buffers fill and the sender blocks, as against a full TCP window.
     * On a limited line it is the RTT's worth plus a 250 ms bottleneck queue (at least 64 KiB): enough to keep
     * the line busy, small enough that one bulk connection cannot queue seconds of data ahead of the others.
     */
    static int maxInFlightBytes(long bitsPerSecond, long rttNanos) {
        if (bitsPerSecond == 0) {
            return 1 << 20;
        }
        double bytes = bitsPerSecond / 8.0 * (rttNanos + 250_000_000L) / 1e9;
        return (int) Math.max(64 * 1024, Math.min(1 << 20, bytes));
    }

    /** The later of two nanoTime values (overflow-safe comparison, as {@link System#nanoTime()} asks). */
    static long later(long a, long b) {
        return a - b >= 0 ? a : b;
    }
}
