package io.authbench.emulator.http;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a request body on the I/O thread, without blocking, and only then hands the request to a worker thread.
 *
 * <p>Why: a worker that reads a body blocks for as long as the client takes to send it, so a handful of clients
 * that send headers and then stall would hold every worker and freeze all writes. Read this way, a stalled body costs
 * a buffer, not a thread, and it is abandoned (connection closed, no answer: nobody is sending) when it has not
 * arrived {@code deadline} after its headers.
 *
 * <p>A body over the limit is kept no further but read to its end and discarded, then answered: a client that sends
 * its whole body before reading the answer (curl does) would otherwise see its connection reset and lose the answer.
 * Reading stops at {@link #DRAIN_LIMIT_BYTES} or the deadline; then the request is answered and the connection closed.
 * A body declared too large by {@code Content-Length} is never read: it is answered at once and the connection closed
 * (a client that waits for {@code 100-continue} has sent nothing yet). A client that goes away half-way is not an
 * error: its connection is closed quietly.
 */
public final class BodyReader {
    /** What was read; attached to the exchange under {@link #BODY} before the next handler runs. */
    public record Body(byte[] bytes, boolean tooLarge) {
        static final Body TOO_LARGE = new Body(new byte[0], true);
    }

    public static final AttachmentKey<Body> BODY = AttachmentKey.create(Body.class);

    /**
     * The most of an oversized body that is read (and discarded) so its answer reaches the client; also Undertow's
     * {@code MAX_ENTITY_SIZE} for the server (its default of 2 MiB would cut the draining short).
     */
    public static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private BodyReader() {}

    /** Reads the body (keeping at most {@code maxBytes}), attaches it and dispatches {@code next} to a worker. */
    public static void readThenDispatch(
            HttpServerExchange exchange, int maxBytes, Duration deadline, HttpHandler next) {
        if (exchange.getRequestContentLength() > maxBytes) {
            answerTooLarge(exchange, next, true);
            return;
        }
        StreamSourceChannel channel = exchange.getRequestChannel();
        if (channel == null || exchange.isRequestComplete()) {
            exchange.putAttachment(BODY, new Body(new byte[0], false));
            exchange.dispatch(next);
            return;
        }
        new Reading(exchange, channel, maxBytes, deadline, next).start();
    }

    private static void answerTooLarge(HttpServerExchange exchange, HttpHandler next, boolean close) {
        if (close) {
            exchange.setPersistent(false); // answer, then close: the rest of the body is not read
        }
        exchange.putAttachment(BODY, Body.TOO_LARGE);
        exchange.dispatch(next);
    }

    /** One body being read: runs on the connection's I/O thread only. */
    private static final class Reading implements ChannelListener<StreamSourceChannel> {
        private final HttpServerExchange exchange;
        private final StreamSourceChannel channel;
        private final int maxBytes;
        private final HttpHandler next;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final XnioExecutor.Key timer;
        private long received;
        private boolean finished;

        Reading(
                HttpServerExchange exchange,
                StreamSourceChannel channel,
                int maxBytes,
                Duration deadline,
                HttpHandler next) {
            this.exchange = exchange;
            this.channel = channel;
            this.maxBytes = maxBytes;
            this.next = next;
            this.timer = exchange.getIoThread()
                    .executeAfter(this::deadlinePassed, deadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        void start() {
            handleEvent(channel);
            if (!finished) {
                channel.getReadSetter().set(this);
                channel.resumeReads();
            }
        }

        @Override
        public void handleEvent(StreamSourceChannel source) {
            if (finished) {
                return;
            }
            try (PooledByteBuffer pooled =
                    exchange.getConnection().getByteBufferPool().allocate()) {
                ByteBuffer buffer = pooled.getBuffer();
                while (true) {
                    buffer.clear();
                    int read = source.read(buffer);
                    if (read == 0) {
                        return; // wait for more
                    }
                    if (read < 0) {
                        finish(received > maxBytes ? Body.TOO_LARGE : new Body(kept.toByteArray(), false), false);
                        return;
                    }
                    received += read;
                    if (received <= maxBytes) {
                        byte[] bytes = new byte[read]; // pooled buffers are direct: no backing array
                        buffer.flip().get(bytes);
                        kept.write(bytes, 0, read);
                    } else if (received > DRAIN_LIMIT_BYTES) {
                        finish(Body.TOO_LARGE, true);
                        return;
                    }
                    // beyond maxBytes: read and dropped, so the client can finish sending and read the answer
                }
            } catch (RequestTooBigException overDrainLimit) {
                finish(Body.TOO_LARGE, true);
            } catch (IOException clientGone) {
                // Closed mid-body, broken framing or a read timeout: nobody to answer, nothing to log.
                finished = true;
                timer.remove();
                IoUtils.safeClose(exchange.getConnection());
            }
        }

        private void finish(Body body, boolean close) {
            finished = true;
            timer.remove();
            channel.getReadSetter().set(null);
            channel.suspendReads();
            if (close) {
                exchange.setPersistent(false);
            }
            exchange.putAttachment(BODY, body);
            exchange.dispatch(next);
        }

        private void deadlinePassed() {
            if (finished) {
                return;
            }
            if (received > maxBytes) {
                finish(Body.TOO_LARGE, true); // still sending more than the limit: answer, then close
            } else {
                finished = true;
                IoUtils.safeClose(exchange.getConnection()); // stalled: nobody is sending, nobody to answer
            }
        }
    }
}
