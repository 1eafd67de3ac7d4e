package io.authbench.serverbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ConstantRateLoadTest {
    private final HttpClient client = ConstantRateLoad.newClient(Duration.ofSeconds(2));

    @Test
    void a_server_with_a_known_delay_is_measured_with_that_latency() throws Exception {
        try (TestServer server = new TestServer(exchange -> Thread.sleep(30))) {
            LoadOutcome outcome = ConstantRateLoad.run(
                    new GetPageView(server.url()),
                    LoadSettings.of(40, Duration.ofSeconds(1)).withConcurrency(8),
                    client);

            assertThat(outcome.succeeded()).isEqualTo(40);
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.latencies().getTotalCount()).isEqualTo(40);
            assertThat(outcome.latencies().getMinValue())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
            assertThat(outcome.percentileMillis(50)).isBetween(30.0, 1000.0);
        }
    }

    @Test
    void requests_due_during_a_stall_record_the_time_they_waited() throws Exception {
        // The server answers at once, except that one request (number 50, due at ~0.5 s) holds a lock that every
        // request needs for 1 s: a whole-server stall. 4 clients cannot keep the 100/s schedule during it.
        Object lock = new Object();
        AtomicInteger seen = new AtomicInteger();
        try (TestServer server = new TestServer(exchange -> {
            synchronized (lock) {
                if (seen.incrementAndGet() == 50) {
                    Thread.sleep(1000);
                }
            }
        })) {
            LoadOutcome outcome = ConstantRateLoad.run(
                    new GetPageView(server.url()),
                    LoadSettings.of(100, Duration.ofSeconds(2)).withConcurrency(4),
                    client);

            Histogram latencies = outcome.latencies();
            assertThat(outcome.succeeded()).isEqualTo(200);
            assertThat(latencies.getMaxValue())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900).toNanos());
            // About 100 requests were due during the stall; those due in its first half waited more than 0.5 s.
            // Measured from the moment they were sent (no correction) only the 4 in flight would show it.
            long waitedOverHalfASecond = latencies.getTotalCount()
                    - latencies.getCountBetweenValues(0, Duration.ofMillis(500).toNanos());
            assertThat(waitedOverHalfASecond).isGreaterThanOrEqualTo(30);
            assertThat(outcome.percentileMillis(90)).isGreaterThan(100.0);
        }
    }

    @Test
    void a_run_stops_at_its_hard_limit_and_counts_what_was_not_sent() throws Exception {
        try (TestServer server = new TestServer(exchange -> Thread.sleep(3000))) {
            LoadSettings settings = LoadSettings.of(50, Duration.ofSeconds(30))
                    .withConcurrency(4)
                    .withRequestTimeout(Duration.ofMillis(300))
                    .withHardLimit(Duration.ofSeconds(1));
            long started = System.nanoTime();
            LoadOutcome outcome = ConstantRateLoad.run(new GetPageView(server.url()), settings, client);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(outcome.hardLimitHit()).isTrue();
            assertThat(outcome.notSent()).isPositive();
            assertThat(outcome.sent() + outcome.notSent()).isEqualTo(outcome.planned());
            assertThat(outcome.errors()).containsKey(ErrorKind.TIMEOUT);
        }
    }

    @Test
    void a_run_never_sends_more_than_its_request_bound() throws Exception {
        AtomicInteger received = new AtomicInteger();
        try (TestServer server = new TestServer(exchange -> received.incrementAndGet())) {
            LoadOutcome outcome = ConstantRateLoad.run(
                    new GetPageView(server.url()),
                    LoadSettings.of(1000, Duration.ofSeconds(60)).withMaxRequests(50),
                    client);

            assertThat(outcome.planned()).isEqualTo(50);
            assertThat(outcome.sent()).isEqualTo(50);
            assertThat(received.get()).isEqualTo(50);
        }
    }

    @Test
    void a_closed_port_is_recorded_as_refused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LoadOutcome outcome = ConstantRateLoad.run(
                new GetPageView(URI.create("http://127.0.0.1:" + port + "/")),
                LoadSettings.of(20, Duration.ofMillis(500)),
                client);

        assertThat(outcome.succeeded()).isZero();
        assertThat(outcome.errors()).containsOnlyKeys(ErrorKind.REFUSED);
        assertThat(outcome.errors().get(ErrorKind.REFUSED)).isEqualTo(outcome.sent());
        assertThat(outcome.percentileMillis(99)).isNull();
    }

    @Test
    void a_server_that_resets_connections_is_recorded_as_reset() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (running.get()) {
                    try (Socket connection = socket.accept()) {
                        connection.getInputStream().read(); // the request has arrived
                        connection.setSoLinger(true, 0); // close with RST
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            LoadOutcome outcome = ConstantRateLoad.run(
                    new GetPageView(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/")),
                    LoadSettings.of(20, Duration.ofMillis(500)).withConcurrency(2),
                    client);
            running.set(false);

            assertThat(outcome.succeeded()).isZero();
            assertThat(outcome.errors()).containsOnlyKeys(ErrorKind.RESET);
        }
    }

    @Test
    void a_server_that_never_answers_is_recorded_as_timeouts() throws Exception {
        try (TestServer server = new TestServer(exchange -> Thread.sleep(5000))) {
            LoadOutcome outcome = ConstantRateLoad.run(
                    new GetPageView(server.url()),
                    LoadSettings.of(10, Duration.ofMillis(500)).withRequestTimeout(Duration.ofMillis(200)),
                    client);

            assertThat(outcome.succeeded()).isZero();
            assertThat(outcome.errors()).containsOnlyKeys(ErrorKind.TIMEOUT);
            assertThat(outcome.firstErrors().get(ErrorKind.TIMEOUT)).contains("HttpTimeoutException");
        }
    }

    @Test
    void targets_off_this_machine_are_refused() {
        assertThatThrownBy(() -> new GetPageView(URI.create("http://192.0.2.1:80/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only targets loopback addresses");
    }
}
