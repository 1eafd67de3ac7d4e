package io.authbench.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.csr.cli.CsrOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send bodies this server never wants, or stall half-way through a request (loopback only, a bounded
 * number of connections, no timing assertion beyond the generous bounds the README states): the server answers or
 * closes within the bound, keeps serving everyone else, and logs nothing.
 */
class CsrHostileClientTest {
    private static final int STALLED_CONNECTIONS = 64;
    /** README: a request whose headers are not complete in 10 s is dropped; the rest is room for a loaded machine. */
    private static final int GENEROUS_BOUND_MILLIS = 40_000;

    private final StringBuffer problems = new StringBuffer();
    private final Handler logHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() || record.getThrown() != null) {
                problems.append(record.getLevel())
                        .append(' ')
                        .append(record.getMessage())
                        .append(' ')
                        .append(record.getThrown())
                        .append('\n');
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final ByteArrayOutputStream requestLog = new ByteArrayOutputStream();
    private CsrServer server;

    @BeforeEach
    void start() {
        Logger.getLogger("").addHandler(logHandler);
        server = CsrServer.start(
                new CsrOptions(
                        0,
                        "127.0.0.1",
                        URI.create("http://localhost:8080/v1"),
                        "authbench",
                        Duration.ofSeconds(5),
                        false),
                new PrintStream(requestLog, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
        Logger.getLogger("").removeHandler(logHandler);
    }

    @Test
    void an_endless_chunked_body_is_answered_at_once_and_not_read() throws Exception {
        try (Socket socket = connect()) {
            Thread writer = sendChunked(
                    socket,
                    "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                    20 * 1024 * 1024);
            String answer = readUntilClosed(socket);
            writer.join(GENEROUS_BOUND_MILLIS);
            assertThat(answer).startsWith("HTTP/1.1 404");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void half_sent_requests_are_dropped_within_the_bound_and_others_are_served_meanwhile() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_CONNECTIONS; i++) {
                Socket socket = connect();
                stalled.add(socket);
                String partial = i % 2 == 0
                        ? "GET /dashboard HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/h" // headers stall
                        : "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"; // body stalls
                socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            HttpResponse<String> page = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(server.baseUrl().resolve("/login"))
                                    .header("Accept", "text/html")
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);

            for (Socket socket : stalled) {
                readUntilClosed(socket); // fails if the server keeps it open past the bound
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertThat(problems).isEmpty();
    }

    private Socket connect() throws IOException {
        return new Socket(server.baseUrl().getHost(), server.baseUrl().getPort());
    }

    private static Thread sendChunked(Socket socket, String head, int bodyBytes) {
        Thread writer = new Thread(
                () -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(head.getBytes(StandardCharsets.US_ASCII));
                        byte[] chunk = "x".repeat(65536).getBytes(StandardCharsets.US_ASCII);
                        for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
                            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(chunk);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException serverStoppedReading) {
                        // expected: the server answers and closes before the body ends
                    }
                },
                "chunked-writer");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    /** What the server sent before closing; fails if it keeps the connection open past the bound. */
    private static String readUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(GENEROUS_BOUND_MILLIS);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the server kept the connection open for more than " + GENEROUS_BOUND_MILLIS + " ms; received: "
                            + received.toString(StandardCharsets.ISO_8859_1),
                    e);
        } catch (IOException reset) {
            // a reset after the answer is fine: what matters is what arrived and that the connection ended
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
