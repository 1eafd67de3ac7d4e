package io.authbench.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.authbench.harness.flow.IssuedSession;
import io.authbench.harness.flow.TestUser;
import io.authbench.harness.sdk.CallingThreadHttp;
import io.authbench.testsupport.appwrite.JsonAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A set-up session request that Appwrite never answers is repeated (and counted) instead of ending the run. The
 * server is a JDK HttpServer that leaves the first request hanging and answers the second with a Session model
 * carrying every field sdk-for-kotlin 6.1.0 requires (docs/appwrite-behaviour.md#kotlin-server-sdk).
 */
class UserSeederRetryTest {

    @Test
    void only_an_attempt_that_hashes_a_password_gets_the_longer_limit() {
        assertThat(UserSeeder.attemptLimit(true)).isEqualTo(UserSeeder.CREATE_ATTEMPT_TIMEOUT);
        assertThat(UserSeeder.attemptLimit(false))
                .as("imports with a hash and users without a password cost Appwrite no hash")
                .isEqualTo(UserSeeder.SET_UP_ATTEMPT_TIMEOUT)
                .isLessThan(UserSeeder.CREATE_ATTEMPT_TIMEOUT);
    }

    @Test
    void an_unanswered_set_up_session_request_is_repeated_and_counted() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/users/u1/sessions", exchange -> {
            if (requests.incrementAndGet() == 1) {
                try {
                    release.await(30, TimeUnit.SECONDS); // never answered while the seeder waits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            JsonAnswer.send(exchange, 201, CallingThreadHttp.SESSION);
        });
        server.start();
        try {
            UserSeeder seeder = new UserSeeder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"),
                    "authbench",
                    "standard_key",
                    Duration.ofSeconds(20),
                    "retry");
            List<String> unanswered = new CopyOnWriteArrayList<>();
            seeder.onNoAnswer(unanswered::add);

            IssuedSession session = seeder.createSession(new TestUser("u1", "u1@authbench.test", null, "Ada"));

            assertThat(requests.get()).isEqualTo(2);
            assertThat(seeder.setUpRetries()).isEqualTo(1);
            assertThat(unanswered)
                    .as("the listener hears of the unanswered call at once (engine: thread dump)")
                    .containsExactly("creating a set-up session for u1@authbench.test");
            assertThat(session.value())
                    .as("the raw secret is encoded as Appwrite's session value")
                    .isEqualTo(Base64.getEncoder()
                            .encodeToString(
                                    "{\"id\":\"u1\",\"secret\":\"c2VjcmV0\"}".getBytes(StandardCharsets.UTF_8)));
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
