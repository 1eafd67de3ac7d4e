package io.authbench.harness.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.authbench.harness.profile.LinkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real sockets on loopback port 0. Timing assertions are lower bounds the link's model guarantees; upper bounds are
 * generous sanity checks only, because the machine is shared and noisy.
 */
class LinkProxyTest {

    private static final long MS = 1_000_000;

    static Stream<LinkSpec> transparentAndDelayedLinks() {
        return Stream.of(LinkSpec.TRANSPARENT, LinkSpec.of(20, 10_000_000, 10_000_000));
    }

    @Test
    void request_through_a_100ms_rtt_link_takes_about_100ms_more_than_direct() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (LinkProxy link = LinkProxy.start("http-100", server.getAddress(), LinkSpec.of(100, 0, 0))) {
            long direct = medianWarmRequestNanos(server.getAddress().getPort());
            long linked = medianWarmRequestNanos(link.port());

            assertThat(linked)
                    .as("a request and its response each cross the link once: one RTT at least")
                    .isGreaterThanOrEqualTo(100 * MS);
            assertThat(linked - direct)
                    .as("sanity: about one RTT more than direct")
                    .isLessThan(500 * MS);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void first_byte_on_a_fresh_connection_pays_the_handshake_round_trip() throws Exception {
        AtomicLong firstByteAtServer = new AtomicLong();
        try (TcpTestServer echo = TcpTestServer.start(socket -> {
                    try (socket) {
                        InputStream in = socket.getInputStream();
                        int b = in.read();
                        firstByteAtServer.set(System.nanoTime());
                        socket.getOutputStream().write(b);
                        in.transferTo(socket.getOutputStream());
                    }
                });
                LinkProxy link = LinkProxy.start("handshake", echo.address(), LinkSpec.of(100, 0, 0))) {
            long start = System.nanoTime();
            try (Socket socket = connect(link)) {
                long first = pingNanos(socket);
                long firstIncludingConnect = System.nanoTime() - start;
                long second = pingNanos(socket);

                assertThat(firstByteAtServer.get() - start)
                        .as("delivered after accept + RTT + one-way delay")
                        .isGreaterThanOrEqualTo(150 * MS);
                assertThat(firstIncludingConnect)
                        .as("handshake RTT + one round trip")
                        .isGreaterThanOrEqualTo(200 * MS);
                assertThat(first).as("the first ping waits for the handshake").isGreaterThanOrEqualTo(150 * MS);
                assertThat(second).as("an established connection pays one RTT").isGreaterThanOrEqualTo(100 * MS);
                assertThat(second).as("sanity: no second handshake").isLessThan(first + 100 * MS);
            }
        }
    }

    @Test
    void byte_order_is_preserved_under_many_small_chunks_in_both_directions() throws Exception {
        int writes = 20_000;
        int chunk = 10;
        byte[] expected = pattern(writes * chunk);
        try (TcpTestServer echo = TcpTestServer.echo();
                LinkProxy link = LinkProxy.start("order", echo.address(), LinkSpec.of(10, 8_000_000, 8_000_000));
                Socket socket = connect(link)) {
            AtomicReference<Exception> writeFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < writes; i++) {
                        out.write(expected, i * chunk, chunk);
                    }
                    socket.shutdownOutput();
                } catch (IOException e) {
                    writeFailure.set(e);
                }
            });
            writer.start();
            byte[] received = socket.getInputStream().readAllBytes();
            writer.join(10_000);

            assertThat(writeFailure.get()).isNull();
            assertThat(received.length).isEqualTo(expected.length);
            assertThat(Arrays.mismatch(received, expected))
                    .as("first differing byte")
                    .isEqualTo(-1);
        }
    }

    @Test
    void one_megabit_per_second_down_moves_125_kilobytes_in_about_one_second() throws Exception {
        int size = 125_000;
        try (TcpTestServer server = TcpTestServer.start(socket -> {
                    try (socket) {
                        socket.getInputStream().read();
                        socket.getOutputStream().write(new byte[size]);
                    }
                });
                LinkProxy link = LinkProxy.start("down-1m", server.address(), LinkSpec.of(0, 1_000_000, 0));
                Socket socket = connect(link)) {
            long start = System.nanoTime();
            socket.getOutputStream().write(1);
            byte[] received = socket.getInputStream().readAllBytes();
            long elapsed = System.nanoTime() - start;

            assertThat(received).hasSize(size);
            assertThat(elapsed).as("125 kB × 8 / 1 Mbit/s").isGreaterThanOrEqualTo(1_000 * MS);
            assertThat(elapsed).as("sanity").isLessThan(3_000 * MS);
            assertThat(link.stats().bytesDown()).isEqualTo(size);
        }
    }

    @Test
    void one_megabit_per_second_up_moves_125_kilobytes_in_about_one_second() throws Exception {
        int size = 125_000;
        try (TcpTestServer server = TcpTestServer.start(socket -> {
                    try (socket) {
                        socket.getInputStream().readNBytes(size);
                        socket.getOutputStream().write('k');
                    }
                });
                LinkProxy link = LinkProxy.start("up-1m", server.address(), LinkSpec.of(0, 0, 1_000_000));
                Socket socket = connect(link)) {
            long start = System.nanoTime();
            socket.getOutputStream().write(new byte[size]);
            int ack = socket.getInputStream().read();
            long elapsed = System.nanoTime() - start;

            assertThat(ack).isEqualTo('k');
            assertThat(elapsed).as("125 kB × 8 / 1 Mbit/s").isGreaterThanOrEqualTo(1_000 * MS);
            assertThat(elapsed).as("sanity").isLessThan(3_000 * MS);
        }
    }

    @Test
    void parallel_connections_share_the_link_bandwidth() throws Exception {
        int size = 62_500;
        try (TcpTestServer server = TcpTestServer.start(socket -> {
                    try (socket) {
                        socket.getInputStream().read();
                        socket.getOutputStream().write(new byte[size]);
                    }
                });
                LinkProxy link = LinkProxy.start("shared", server.address(), LinkSpec.of(0, 1_000_000, 0));
                Socket one = connect(link);
                Socket two = connect(link)) {
            long start = System.nanoTime();
            one.getOutputStream().write(1);
            two.getOutputStream().write(1);
            Thread other = new Thread(() -> {
                try {
                    two.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            other.start();
            assertThat(one.getInputStream().readAllBytes()).hasSize(size);
            other.join(10_000);
            long elapsed = System.nanoTime() - start;

            assertThat(elapsed).as("2 × 62.5 kB share 1 Mbit/s").isGreaterThanOrEqualTo(1_000 * MS);
            assertThat(link.stats().bytesDown()).isEqualTo(2 * size);
        }
    }

    @ParameterizedTest
    @MethodSource("transparentAndDelayedLinks")
    void end_of_stream_propagates_after_the_data_in_each_direction(LinkSpec spec) throws Exception {
        try (TcpTestServer server = TcpTestServer.start(socket -> {
                    try (socket) {
                        String request = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        socket.getOutputStream().write(("got:" + request).getBytes(StandardCharsets.UTF_8));
                    }
                });
                LinkProxy link = LinkProxy.start("eof", server.address(), spec);
                Socket socket = connect(link)) {
            socket.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput(); // half-close: the server must see EOF yet still be able to answer

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).isEqualTo("got:hello");
            awaitTrue(() -> link.stats().openConnections() == 0, "connection closed after both ends finished");
        }
    }

    @ParameterizedTest
    @MethodSource("transparentAndDelayedLinks")
    void reset_by_the_client_reaches_the_server(LinkSpec spec) throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        try (TcpTestServer server = TcpTestServer.start(socket -> {
                    try (socket) {
                        InputStream in = socket.getInputStream();
                        in.read();
                        received.countDown();
                        in.read(); // must fail with a reset
                    }
                });
                LinkProxy link = LinkProxy.start("rst-client", server.address(), spec)) {
            Socket socket = connect(link);
            socket.getOutputStream().write(1);
            assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
            socket.setSoLinger(true, 0);
            socket.close(); // sends RST

            Throwable failure = server.failures.poll(10, TimeUnit.SECONDS);
            assertThat(failure)
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("reset");
        }
    }

    @ParameterizedTest
    @MethodSource("transparentAndDelayedLinks")
    void reset_by_the_server_reaches_the_client(LinkSpec spec) throws Exception {
        try (TcpTestServer server = TcpTestServer.start(socket -> {
                    socket.getInputStream().read();
                    socket.setSoLinger(true, 0);
                    socket.close();
                });
                LinkProxy link = LinkProxy.start("rst-server", server.address(), spec);
                Socket socket = connect(link)) {
            socket.getOutputStream().write(1);

            assertThatThrownBy(() -> socket.getInputStream().read())
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("reset");
        }
    }

    @ParameterizedTest
    @MethodSource("transparentAndDelayedLinks")
    void close_ends_every_connection_and_leaves_no_thread_behind(LinkSpec spec) throws Exception {
        String name = "close-" + spec.rtt().toMillis();
        List<Socket> clients = new ArrayList<>();
        try (TcpTestServer echo = TcpTestServer.echo()) {
            LinkProxy link = LinkProxy.start(name, echo.address(), spec);
            for (int i = 0; i < 3; i++) {
                Socket socket = connect(link);
                pingNanos(socket);
                clients.add(socket);
            }
            assertThat(link.stats().openConnections()).isEqualTo(3);
            assertThat(liveThreads(name)).isNotEmpty();

            link.close();

            for (Socket socket : clients) {
                assertThat(readEndOrReset(socket))
                        .as("client sees its connection end")
                        .isTrue();
                socket.close();
            }
            assertThat(liveThreads(name)).isEmpty();
            assertThat(link.stats().openConnections()).isZero();
            assertThatThrownBy(() -> connect(link)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void stats_count_connections_and_bytes_each_way() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                LinkProxy link = LinkProxy.start("stats", echo.address(), LinkSpec.of(2, 0, 0))) {
            for (int i = 0; i < 2; i++) {
                try (Socket socket = connect(link)) {
                    socket.getOutputStream().write(new byte[1000]);
                    socket.shutdownOutput();
                    assertThat(socket.getInputStream().readAllBytes()).hasSize(1000);
                }
            }
            awaitTrue(() -> link.stats().openConnections() == 0, "both connections closed");

            assertThat(link.stats()).isEqualTo(new LinkStats(2, 0, 2000, 2000, 0));
        }
    }

    @Test
    void unreachable_target_resets_the_client_and_is_counted() throws Exception {
        InetSocketAddress nothingThere;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingThere = new InetSocketAddress(InetAddress.getLoopbackAddress(), probe.getLocalPort());
        }
        try (LinkProxy link = LinkProxy.start("refused", nothingThere, LinkSpec.of(10, 0, 0));
                Socket socket = connect(link)) {
            assertThat(readEndOrReset(socket)).isTrue();
            assertThat(link.stats().failedUpstreamConnects()).isEqualTo(1);
            assertThat(link.stats().openConnections()).isZero();
        }
    }

    @Test
    void listens_on_loopback_by_default() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                LinkProxy link = LinkProxy.start("bind", echo.address(), LinkSpec.TRANSPARENT)) {
            assertThat(link.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(link.port()).isPositive().isEqualTo(link.address().getPort());
        }
    }

    @Test
    void an_address_this_machine_does_not_have_is_refused_with_a_clear_message() throws Exception {
        InetAddress documentationAddress = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}); // TEST-NET-1
        assertThatThrownBy(() -> LinkProxy.start(
                        "elsewhere",
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 9),
                        LinkSpec.TRANSPARENT,
                        documentationAddress))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("link elsewhere: cannot listen on 192.0.2.1 (")
                .hasMessageEndingWith("); use a loopback address or one configured on this machine");
        assertThat(liveThreads("elsewhere")).isEmpty();
    }

    @Test
    void an_unresolved_target_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> LinkProxy.start(
                        "nowhere",
                        InetSocketAddress.createUnresolved("no-such-host.invalid", 80),
                        LinkSpec.TRANSPARENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "link nowhere: target host 'no-such-host.invalid' cannot be resolved; give a reachable host name or address");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static long medianWarmRequestNanos(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(10))
                .build();
        client.send(request, HttpResponse.BodyHandlers.ofString()); // opens the keep-alive connection
        long[] samples = new long[5];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            samples[i] = System.nanoTime() - start;
            assertThat(response.body()).isEqualTo("hello");
        }
        Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    private static Socket connect(LinkProxy link) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(link.address(), 5_000);
        return socket;
    }

    private static long pingNanos(Socket socket) throws IOException {
        long start = System.nanoTime();
        socket.getOutputStream().write('p');
        assertThat(socket.getInputStream().read()).isEqualTo('p');
        return System.nanoTime() - start;
    }

    /** True when the socket's peer closed or reset; false never returns: a timeout fails the test. */
    private static boolean readEndOrReset(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    private static List<String> liveThreads(String linkName) {
        String prefix = LinkProxy.threadNamePrefix(linkName);
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .toList();
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000 * MS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
