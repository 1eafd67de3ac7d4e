package io.authbench.ssr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send too much, too slowly, give up half-way, or send raw UTF-8 forms (loopback only, a bounded number
 * of connections, no timing assertion beyond the generous bounds the README states): other users keep signing in,
 * the misbehaving client gets the documented answer or a closed connection, and nothing is logged as an internal
 * error.
 */
class SsrHostileClientTest {
    private static final String PASSWORD = "password123";
    /** More than the app's 64 worker threads, so a worker held per stalled body would show. */
    private static final int STALLED_CONNECTIONS = 80;
    /** README: a body not complete 10 s after its headers is dropped; the rest is room for a loaded machine. */
    private static final int GENEROUS_BOUND_MILLIS = 40_000;

    @TempDir
    static Path dir;

    static TestStack stack;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(dir, "--upstream-timeout", "15s");
        stack.createUser("ann@example.com", PASSWORD, "Ann");
        stack.createUser("juergen@example.com", "pässwörd-ü€", "Jürgen");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private HttpResponse<String> login(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(stack.appUrl("/login"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String head(String contentHeader) {
        return "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + contentHeader + "\r\n\r\n";
    }

    private static void assertNothingLoggedAsAnError() throws Exception {
        assertThat(stack.appLogs()).doesNotContain("internal error", "Exception", "\tat ");
    }

    @Test
    void a_chunked_body_far_over_the_limit_gets_413_even_when_the_client_sends_it_all_first() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", stack.app.url().getPort())) {
            socket.setSoTimeout(GENEROUS_BOUND_MILLIS);
            // As curl does: the whole body goes out before the answer is read.
            RawHttp.writeChunked(socket.getOutputStream(), head("Transfer-Encoding: chunked"), 20 * 1024 * 1024);
            assertThat(RawHttp.statusLine(socket, GENEROUS_BOUND_MILLIS))
                    .isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void stalled_bodies_hold_no_worker_and_are_dropped_within_the_bound() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_CONNECTIONS; i++) {
                Socket socket = new Socket("127.0.0.1", stack.app.url().getPort());
                stalled.add(socket);
                socket.getOutputStream()
                        .write((head("Content-Length: 100") + "email=ann%40exa").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            // Everyone else still signs in while all of them are open.
            assertThat(login("email=ann%40example.com&password=" + PASSWORD).statusCode())
                    .isEqualTo(303);

            for (Socket socket : stalled) {
                assertThat(RawHttp.untilClosed(socket, GENEROUS_BOUND_MILLIS))
                        .as("a stalled body gets no answer, only a closed connection")
                        .isEmpty();
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void a_client_that_gives_up_half_way_through_its_body_is_not_an_internal_error() throws Exception {
        for (int i = 0; i < 8; i++) {
            try (Socket socket = new Socket("127.0.0.1", stack.app.url().getPort())) {
                socket.getOutputStream()
                        .write((head("Content-Length: 5000") + "email=ann%40example.com&pass")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        }
        assertThat(login("email=ann%40example.com&password=" + PASSWORD).statusCode())
                .isEqualTo(303);
        assertNothingLoggedAsAnError();
    }

    @Test
    void a_form_sent_as_raw_utf8_is_read_as_utf8() throws Exception {
        // Browsers percent-encode; other clients may send the characters as UTF-8 bytes. Both are the same form.
        assertThat(login("email=juergen@example.com&password=pässwörd-ü€").statusCode())
                .isEqualTo(303);
        assertThat(login("email=juergen%40example.com&password=p%C3%A4ssw%C3%B6rd-%C3%BC%E2%82%AC")
                        .statusCode())
                .isEqualTo(303);
    }
}
