package io.authbench.ssr.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Plain sockets for clients no HTTP library would imitate: endless chunked bodies, stalled and abandoned ones. */
final class RawHttp {
    private RawHttp() {}

    /** Sends {@code head} and {@code bodyBytes} in 64 KiB chunks; fails if the server stops reading before the end. */
    static void writeChunked(OutputStream out, String head, int bodyBytes) {
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(65536).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new AssertionError(
                    "the server stopped reading before the body ended, so a client that reads "
                            + "only afterwards loses the answer: " + e,
                    e);
        }
    }

    /** The status line the server sent before closing, or an assertion error if it sent nothing within the timeout. */
    static String statusLine(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            for (int b; (b = in.read()) >= 0 && b != '\r'; ) {
                line.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + timeoutMillis + " ms", e);
        } catch (IOException reset) {
            if (line.length() == 0) {
                throw new AssertionError("the connection was reset before any answer", reset);
            }
        }
        return line.toString();
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open past the timeout. */
    static String untilClosed(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for more than " + timeoutMillis + " ms", e);
        } catch (IOException reset) {
            return "";
        }
    }
}
