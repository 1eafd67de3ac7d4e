package io.authbench.ssr.http;

import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Reads a request body on the I/O thread, without blocking, before the request goes on to a worker thread.
 *
 * <p>Why: the routes run on the 64 workers, and a worker that reads a body waits for as long as the client takes to
 * send it, so 64 clients that send headers and then stall would hang the app. Read here, a stalled body holds a
 * buffer, not a worker, and its connection is closed (no answer: nobody is sending) when it has not arrived
 * {@link #DEADLINE} after its headers. Reading stops at {@link FormBody#MAX_BYTES}: the request goes on marked too
 * large and the connection is closed after the answer, so an endless chunked body costs nothing. A client that goes
 * away half-way is not the app's error: its connection is closed and nothing is logged.
 */
public final class BodyReadHandler implements HttpHandler {
    /**
     * The longest a body may take after its headers. A sign-in form is under 1 KiB: a client that is sending at all
     * delivers it in milliseconds, even over a slow link.
     */
    public static final Duration DEADLINE = Duration.ofSeconds(10);

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
            tooLarge(exchange);
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        XnioExecutor.Key timer = exchange.getIoThread().executeAfter(() -> {
            if (finished.compareAndSet(false, true)) {
                IoUtils.safeClose(exchange.getConnection());
            }
        }, DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize(FormBody.MAX_BYTES);
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
                tooLarge(ex);
            } else {
                // The client closed the connection or broke the framing mid-body: nobody to answer, nothing to log.
                IoUtils.safeClose(ex.getConnection());
            }
        });
    }

    private void tooLarge(HttpServerExchange exchange) {
        exchange.setPersistent(false); // answer, then close instead of reading the rest
        exchange.putAttachment(BODY, Body.TOO_LARGE);
        exchange.dispatch(next);
    }

    private static boolean hasBody(HttpServerExchange exchange) {
        return exchange.getRequestContentLength() > 0
                || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }
}
