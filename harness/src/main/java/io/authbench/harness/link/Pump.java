package io.authbench.harness.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves the bytes of one direction of one connection: a reader that timestamps each chunk and schedules it on a
 * {@link DelayLine}, and a writer that hands each chunk on when its delivery time comes.
 *
 * <p>A direction with no delay and no bandwidth limit is a plain copy loop on the reader's thread (no queue, no
 * writer thread), so a transparent link costs one read and one write per chunk.
 */
final class Pump {

    private enum Kind {
        DATA,
        END,
        RESET
    }

    private record Delivery(long dueNanos, Kind kind, byte[] data) {}

    private final LinkConnection connection;
    private final Socket from;
    private final Socket to;
    private final DelayLine line; // null when the direction passes bytes straight through
    private final int chunkSize;
    private final LongAdder deliveredBytes;
    private final BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
    private final Semaphore inFlight; // bytes read and not yet delivered: see DelayLine.maxInFlightBytes

    Pump(
            LinkConnection connection,
            Socket from,
            Socket to,
            DelayLine line,
            int chunkSize,
            int maxInFlightBytes,
            LongAdder deliveredBytes) {
        this.connection = connection;
        this.inFlight = new Semaphore(maxInFlightBytes);
        this.from = from;
        this.to = to;
        this.line = line;
        this.chunkSize = chunkSize;
        this.deliveredBytes = deliveredBytes;
    }

    boolean passesStraightThrough() {
        return line == null;
    }

    /** Reads until end of stream, reset or close; runs on its own thread. */
    void readLoop() {
        byte[] buffer = new byte[chunkSize];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                int n = in.read(buffer);
                long now = System.nanoTime();
                if (n < 0) {
                    handOnEnd(Kind.END, now);
                    return;
                }
                if (line == null) {
                    out.write(buffer, 0, n);
                    deliveredBytes.add(n);
                } else {
                    inFlight.acquire(n); // may wait while the link is backed up; the chunk enters it only after
                    queue.add(new Delivery(
                            line.deliveryOfData(System.nanoTime(), n), Kind.DATA, Arrays.copyOf(buffer, n)));
                }
            }
        } catch (IOException e) {
            if (!connection.isClosing()) {
                // The sender reset the connection (or vanished): pass the reset on, in order, after the data.
                handOnEnd(Kind.RESET, System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the proxy is closing
        } catch (RuntimeException e) {
            connection.abort(); // a bug must not leave a half-served connection hanging
        }
    }

    /** Delivers queued chunks at their due times; runs on its own thread, only for a delayed direction. */
    void writeLoop() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Delivery delivery = queue.take();
                sleepUntil(delivery.dueNanos());
                if (delivery.kind() == Kind.DATA) {
                    out.write(delivery.data());
                    deliveredBytes.add(delivery.data().length);
                    inFlight.release(delivery.data().length);
                } else {
                    deliver(delivery.kind());
                    return;
                }
            }
        } catch (IOException e) {
            if (!connection.isClosing()) {
                connection.abort(); // the receiver is gone: a real stack would answer with a reset, so do we
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the proxy is closing
        } catch (RuntimeException e) {
            connection.abort(); // a bug must not leave a half-served connection hanging
        }
    }

    /** Passes an end of stream or a reset on: now, or queued behind the data still in flight. */
    private void handOnEnd(Kind kind, long seenAt) {
        if (line == null) {
            deliver(kind);
        } else {
            queue.add(new Delivery(line.deliveryOfEnd(seenAt), kind, null));
        }
    }

    private void deliver(Kind kind) {
        if (kind == Kind.RESET) {
            connection.abort();
            return;
        }
        try {
            to.shutdownOutput();
        } catch (IOException e) {
            if (!connection.isClosing()) {
                connection.abort();
            }
            return;
        }
        connection.directionEnded();
    }

    private static void sleepUntil(long dueNanos) throws InterruptedException {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
