package io.authbench.harness.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Probe#firstAnswer} against a real HTTP server on loopback that holds its first {@code stalled} requests
 * unanswered (as an app in a long pause does) and answers the rest.
 */
class ProbeTest {
    private static final Duration TRY = Duration.ofMillis(1500);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private HttpServer server;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void an_app_that_holds_one_request_but_answers_the_next_counts_as_answering() throws IOException {
        URI url = serve(1);

        Probe probe = Probe.firstAnswer(url, TRY, 3, ClientTrust.jdk());

        assertThat(probe.answered()).as(probe.describe()).isTrue();
        assertThat(probe.status()).isEqualTo(200);
        assertThat(requests).as("requests the server received").hasValue(2);
    }

    @Test
    void an_app_that_answers_none_of_the_tries_is_reported_with_the_last_failure() throws IOException {
        URI url = serve(Integer.MAX_VALUE);

        Probe probe = Probe.firstAnswer(url, TRY, 3, ClientTrust.jdk());

        assertThat(probe.answered()).isFalse();
        assertThat(probe.failure()).containsIgnoringCase("timed out");
        assertThat(requests).as("requests the server received").hasValue(3);
    }

    @Test
    void an_answer_at_the_first_try_asks_once() throws IOException {
        URI url = serve(0);

        assertThat(Probe.firstAnswer(url, TRY, 3, ClientTrust.jdk()).status()).isEqualTo(200);
        assertThat(requests).hasValue(1);
    }

    @Test
    void no_try_at_all_is_refused() {
        assertThatThrownBy(() -> Probe.firstAnswer(URI.create("http://127.0.0.1:9/"), TRY, 0, ClientTrust.jdk()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one try");
    }

    /** A server whose first {@code stalled} requests wait for the end of the test; later ones get 200. */
    private URI serve(int stalled) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (requests.incrementAndGet() <= stalled) {
                    release.await(30, TimeUnit.SECONDS); // bounded: the test releases it at the end anyway
                }
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/login");
    }
}
