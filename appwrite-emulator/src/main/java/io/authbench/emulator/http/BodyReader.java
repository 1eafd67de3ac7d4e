package io.authbench.emulator.http;

import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Reads a request body on the I/O thread, without blocking, and only then hands the request to a worker thread.
 *
 * <p>Why: a worker that reads a body blocks for as long as the client takes to send it, so a handful of clients
 * that send headers and then stall would hold every worker and freeze all writes. Read this way, a stalled body costs
 * a buffer, not a thread, and it is abandoned (connection closed, no answer: nobody is sending) when it has not
 * arrived {@code deadline} after its headers. A body over the limit is not read to its end: the request goes on
 * marked {@link Body#tooLarge()} and the connection is closed after the answer, so an endless chunked body cannot
 * keep the server draining it. A client that goes away half-way is not an error: its connection is closed quietly.
 */
public final class BodyReader {
    /** What was read; attached to the exchange under {@link #BODY} before the next handler runs. */
    public record Body(byte[] bytes, boolean tooLarge) {
        static final Body TOO_LARGE = new Body(new byte[0], true);
    }

    public static final AttachmentKey<Body> BODY = AttachmentKey.create(Body.class);

    private BodyReader() {}

    /** Reads the body (at most {@code maxBytes}), attaches it and dispatches {@code next} to a worker thread. */
    public static void readThenDispatch(HttpServerExchange exchange, int maxBytes, Duration deadline,
                                        HttpHandler next) {
        if (exchange.getRequestContentLength() > maxBytes) {
            tooLarge(exchange, next);
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        XnioExecutor.Key timer = exchange.getIoThread().executeAfter(() -> {
            if (finished.compareAndSet(false, true)) {
                IoUtils.safeClose(exchange.getConnection());
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize(maxBytes);
        receiver.receiveFullBytes((ex, bytes) -> {
            if (finished.compareAndSet(false, true)) {
                timer.remove();
                ex.putAttachment(BODY, new Body(bytes, false));
                ex.dispatch(next);
            }
        }, (ex, error) -> {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            timer.remove();
            if (error instanceof Receiver.RequestToLargeException || error instanceof RequestTooBigException) {
                tooLarge(ex, next);
            } else {
                // The client closed the connection or broke the framing mid-body: nobody to answer, nothing to log.
                IoUtils.safeClose(ex.getConnection());
            }
        });
    }

    private static void tooLarge(HttpServerExchange exchange, HttpHandler next) {
        exchange.setPersistent(false); // answer, then close instead of reading the rest
        exchange.putAttachment(BODY, Body.TOO_LARGE);
        exchange.dispatch(next);
    }
}
