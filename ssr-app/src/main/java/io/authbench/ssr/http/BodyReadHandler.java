package io.authbench.ssr.http;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
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
 * Reads a request body on the I/O thread, without blocking, before the request goes on to a worker thread.
 *
 * <p>Why: the routes run on the 64 workers, and a worker that reads a body waits for as long as the client takes to
 * send it, so 64 clients that send headers and then stall would hang the app. Read here, a stalled body holds a
 * buffer, not a worker, and its connection is closed (no answer: nobody is sending) when it has not arrived
 * {@link #DEADLINE} after its headers.
 *
 * <p>At most {@link FormBody#MAX_BYTES} are kept. A longer body is read to its end and dropped, and the request goes
 * on marked too large (413): a client that sends everything before reading the answer (curl does) would otherwise
 * see its connection reset and lose the answer. Reading stops at {@link #DRAIN_LIMIT_BYTES} or the deadline; then the
 * request is answered and the connection closed. A body declared too large by {@code Content-Length} is never read:
 * answered at once, connection closed. A client that goes away half-way is not the app's error: its connection is
 * closed and nothing is logged.
 */
public final class BodyReadHandler implements HttpHandler {
    /**
     * The longest a body may take after its headers. A sign-in form is under 1 KiB: a client that is sending at all
     * delivers it in milliseconds, even over a slow link.
     */
    public static final Duration DEADLINE = Duration.ofSeconds(10);
    /**
     * The most of an oversized body that is read (and dropped) so its answer reaches the client; also the server's
     * {@code MAX_ENTITY_SIZE} (Undertow's default of 2 MiB would cut the draining short).
     */
    public static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    /** The body as read: its bytes, or {@link #TOO_LARGE}. */
    public record Body(byte[] bytes, boolean tooLarge) {
        static final Body TOO_LARGE = new Body(new byte[0], true);
    }

    static final AttachmentKey<Body> BODY = AttachmentKey.create(Body.class);

    private final HttpHandler next;

    public BodyReadHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!hasBody(exchange)) {
            next.handleRequest(exchange);
            return;
        }
        if (exchange.getRequestContentLength() > FormBody.MAX_BYTES) {
            exchange.setPersistent(false); // answer, then close: the body is never read
            exchange.putAttachment(BODY, Body.TOO_LARGE);
            exchange.dispatch(next);
            return;
        }
        StreamSourceChannel channel = exchange.getRequestChannel();
        if (channel == null || exchange.isRequestComplete()) {
            exchange.dispatch(next);
            return;
        }
        new Reading(exchange, channel).start();
    }

    private static boolean hasBody(HttpServerExchange exchange) {
        return exchange.getRequestContentLength() > 0
                || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

    /** One body being read: runs on the connection's I/O thread only. */
    private final class Reading implements ChannelListener<StreamSourceChannel> {
        private final HttpServerExchange exchange;
        private final StreamSourceChannel channel;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final XnioExecutor.Key timer;
        private long received;
        private boolean finished;

        Reading(HttpServerExchange exchange, StreamSourceChannel channel) {
            this.exchange = exchange;
            this.channel = channel;
            this.timer = exchange.getIoThread()
                    .executeAfter(this::deadlinePassed, DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
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
                        finish(
                                received > FormBody.MAX_BYTES ? Body.TOO_LARGE : new Body(kept.toByteArray(), false),
                                false);
                        return;
                    }
                    received += read;
                    if (received <= FormBody.MAX_BYTES) {
                        byte[] bytes = new byte[read]; // pooled buffers are direct: no backing array
                        buffer.flip().get(bytes);
                        kept.write(bytes, 0, read);
                    } else if (received > DRAIN_LIMIT_BYTES) {
                        finish(Body.TOO_LARGE, true);
                        return;
                    }
                    // beyond the limit: read and dropped, so the client can finish sending and read the answer
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
            if (received > FormBody.MAX_BYTES) {
                finish(Body.TOO_LARGE, true); // still sending more than the limit: answer, then close
            } else {
                finished = true;
                IoUtils.safeClose(exchange.getConnection()); // stalled: nobody is sending, nobody to answer
            }
        }
    }
}
