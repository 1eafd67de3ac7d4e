package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that send too much, too slowly or give up half-way (loopback only, a bounded number of connections, and
 * no timing assertion beyond the generous bounds the README states): every other client keeps being answered, the
 * misbehaving one gets the documented answer or its connection closed, and nothing is logged as the server's error.
 */
class HostileClientTest {
    /** Far more than the emulator's worker threads (8 per core), so a worker held per stalled body would show. */
    private static final int STALLED_CONNECTIONS = 48;
    /** README: a body that has not arrived 10 s after its headers is dropped; this allows for a loaded machine. */
    private static final int GENEROUS_BOUND_MILLIS = 40_000;

    @Test
    void a_chunked_body_far_over_the_limit_gets_413_even_when_the_client_sends_it_all_first() throws Exception {
        try (LogCapture logs = new LogCapture();
                TestEmulator emulator = TestEmulator.start()) {
            URI uri = URI.create(emulator.baseUrl());
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(GENEROUS_BOUND_MILLIS);
                // As curl does: the whole body goes out before the answer is read. A server that answers and closes
                // with the body unread makes the client's socket reset, and the answer is lost.
                writeChunked(
                        socket.getOutputStream(),
                        "POST /v1/account HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "X-Appwrite-Project: authbench\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n",
                        20 * 1024 * 1024);
                String answer = readAnswer(socket.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 413").contains("general_payload_too_large");
            }
            assertThat(emulator.server().project().store().userCount()).isZero();
            assertThat(logs.problems()).isEmpty();
        }
    }

    @Test
    void stalled_bodies_hold_no_worker_and_are_dropped_within_the_bound() throws Exception {
        try (LogCapture logs = new LogCapture();
                TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            URI uri = URI.create(emulator.baseUrl());
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED_CONNECTIONS; i++) {
                    Socket socket = new Socket(uri.getHost(), uri.getPort());
                    stalled.add(socket);
                    socket.getOutputStream()
                            .write(("POST /v1/account/sessions/email HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            + "X-Appwrite-Project: authbench\r\nContent-Type: application/json\r\n"
                                            + "Content-Length: 100\r\n\r\n{\"email\":")
                                    .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
                // Writes keep working while every stalled body is still open (Http's own timeout is 20 s).
                Seed.createUser(http, "busy@example.com");
                assertThat(Seed.keySession(http, "busy@example.com")).isNotEmpty();
                assertThat(http.request("DELETE", "/account/sessions/current")
                                .json("{}")
                                .send()
                                .status())
                        .isEqualTo(401);

                for (Socket socket : stalled) {
                    socket.setSoTimeout(GENEROUS_BOUND_MILLIS);
                    InputStream in = socket.getInputStream();
                    assertThat(readUntilClosed(in))
                            .as("a stalled body gets no answer, only a closed connection")
                            .isEmpty();
                }
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            assertThat(logs.problems()).isEmpty();
        }
    }

    @Test
    void a_client_that_gives_up_half_way_through_its_body_is_not_an_error() throws Exception {
        try (LogCapture logs = new LogCapture();
                TestEmulator emulator = TestEmulator.start()) {
            URI uri = URI.create(emulator.baseUrl());
            for (int i = 0; i < 8; i++) {
                try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                    socket.getOutputStream()
                            .write(("POST /v1/account HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            + "X-Appwrite-Project: authbench\r\nContent-Type: application/json\r\n"
                                            + "Content-Length: 5000\r\n\r\n{\"userId\":\"unique()\"")
                                    .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            }
            Http http = new Http(emulator.baseUrl());
            Seed.createUser(http, "after@example.com"); // still answering, and the aborts did not create anything
            assertThat(emulator.server().project().store().userCount()).isEqualTo(1);
            assertThat(logs.problems()).isEmpty();
        }
    }

    /** Sends the head and {@code bodyBytes} in 64 KiB chunks; fails if the server stops reading before the end. */
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

    /** What the server sent before it closed the connection (or the read timed out). */
    static String readAnswer(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        StringBuilder answer = new StringBuilder();
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + GENEROUS_BOUND_MILLIS + " ms; got: " + answer, e);
        } catch (IOException reset) {
            if (answer.length() == 0) {
                throw new AssertionError("the connection was reset before any answer", reset);
            }
        }
        return answer.toString();
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the server kept a stalled body open for more than " + GENEROUS_BOUND_MILLIS + " ms", e);
        } catch (IOException reset) {
            return "";
        }
    }
}
