package io.authbench.serverbench.load;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** Sorts the JDK HTTP client's exceptions into {@link ErrorKind}s. */
final class Failures {
    private Failures() {}

    static PageViewFailure classify(String request, IOException e) {
        return new PageViewFailure(
                kindOf(e),
                request + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }

    static ErrorKind kindOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return ErrorKind.TIMEOUT;
            }
            if (t instanceof ConnectException) {
                return ErrorKind.REFUSED;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof EOFException
                    || t instanceof ClosedChannelException
                    || message.contains("reset")
                    || message.contains("received no bytes")
                    || message.contains("closed")
                    || message.contains("broken pipe")
                    || (t instanceof SocketException)) {
                return ErrorKind.RESET;
            }
        }
        return ErrorKind.OTHER;
    }
}
