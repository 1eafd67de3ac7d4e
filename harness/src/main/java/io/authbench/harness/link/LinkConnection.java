package io.authbench.harness.link;

import io.authbench.harness.profile.LinkSpec;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One proxied connection: the client socket, the socket to the target, and a {@link Pump} per direction.
 *
 * <p>It closes itself once both directions have delivered their end of stream (a clean half-close each way), or
 * aborts with a reset to both sides when either side resets or disappears.
 */
final class LinkConnection {

    private final Socket client;
    private final Socket target;
    private final Pump up;
    private final Pump down;
    private final Consumer<LinkConnection> onClosed;
    private final AtomicInteger directionsOpen = new AtomicInteger(2);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final List<Future<?>> tasks = new CopyOnWriteArrayList<>();

    /**
     * @param acceptedAt nanoTime at which the client's connection was accepted: the start of its TCP handshake
     * @param onClosed   called exactly once, when the connection is closed or aborted
     */
    LinkConnection(
            Socket client,
            Socket target,
            LinkSpec spec,
            Bandwidth upBandwidth,
            Bandwidth downBandwidth,
            Shaping shaping,
            long acceptedAt,
            LongAdder bytesUp,
            LongAdder bytesDown,
            Consumer<LinkConnection> onClosed) {
        this.client = client;
        this.target = target;
        this.onClosed = onClosed;
        long rtt = spec.rtt().toNanos();
        long oneWay = spec.oneWayDelay().toNanos();
        // A real connect costs one RTT before the client may send: its first byte leaves at accept + RTT and
        // arrives one way later. The server could only answer (or greet) once that handshake reached it.
        // A connection opened while shaping is off (an iteration's set-up) has no handshake delay.
        boolean handshake = shaping.on();
        this.up = new Pump(
                this,
                client,
                target,
                line(rtt, oneWay, upBandwidth, handshake ? acceptedAt + rtt : acceptedAt, shaping),
                DelayLine.chunkSize(upBandwidth.bitsPerSecond()),
                DelayLine.maxInFlightBytes(upBandwidth.bitsPerSecond(), rtt),
                bytesUp);
        this.down = new Pump(
                this,
                target,
                client,
                line(rtt, oneWay, downBandwidth, handshake ? acceptedAt + rtt + oneWay : acceptedAt, shaping),
                DelayLine.chunkSize(downBandwidth.bitsPerSecond()),
                DelayLine.maxInFlightBytes(downBandwidth.bitsPerSecond(), rtt),
                bytesDown);
    }

    private static DelayLine line(long rtt, long oneWay, Bandwidth bandwidth, long earliestDeparture, Shaping shaping) {
        return rtt == 0 && bandwidth.bitsPerSecond() == 0
                ? null
                : new DelayLine(oneWay, bandwidth, earliestDeparture, shaping);
    }

    /** Starts the reader (and, for delayed directions, writer) threads on {@code executor}. */
    void start(ExecutorService executor) {
        for (Pump pump : List.of(up, down)) {
            tasks.add(executor.submit(pump::readLoop));
            if (!pump.passesStraightThrough()) {
                tasks.add(executor.submit(pump::writeLoop));
            }
        }
        if (closing.get()) {
            tasks.forEach(task -> task.cancel(true)); // closed while starting: stopPumps may have missed a task
        }
    }

    boolean isClosing() {
        return closing.get();
    }

    /** One direction has delivered its end of stream; the second one closes the connection. */
    void directionEnded() {
        if (directionsOpen.decrementAndGet() == 0) {
            close();
        }
    }

    /** Closes both sockets normally and stops the pumps. Idempotent. */
    void close() {
        if (closing.compareAndSet(false, true)) {
            closeQuietly(client, false);
            closeQuietly(target, false);
            stopPumps();
        }
    }

    /** Resets both sides (RST instead of FIN) and stops the pumps. Idempotent. */
    void abort() {
        if (closing.compareAndSet(false, true)) {
            closeQuietly(client, true);
            closeQuietly(target, true);
            stopPumps();
        }
    }

    private void stopPumps() {
        // Closing the sockets ends blocked reads and writes; cancelling wakes writers parked until a due time
        // and readers waiting for in-flight budget. The current thread may be one of them: it just returns.
        tasks.forEach(task -> task.cancel(true));
        onClosed.accept(this);
    }

    private static void closeQuietly(Socket socket, boolean reset) {
        try {
            if (reset) {
                socket.setSoLinger(true, 0); // linger 0: close() sends RST
            }
            socket.close();
        } catch (IOException ignored) {
            // Already closed or reset by the peer: nothing left to release.
        }
    }
}
