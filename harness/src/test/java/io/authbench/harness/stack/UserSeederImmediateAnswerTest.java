package io.authbench.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.appwrite.Client;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.models.Session;
import io.appwrite.services.Users;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An SDK call whose answer arrives before the calling thread suspends finishes without calling its callback: the
 * suspending function returns the result (or throws the failure) to its caller instead. On a busy machine OkHttp's
 * thread can do the whole exchange before the caller runs again; here OkHttp runs each call on the calling thread,
 * which makes that order certain.
 */
class UserSeederImmediateAnswerTest {
    private static final String SESSION = """
            {"$id":"s1","$createdAt":"2026-11-27T10:00:00.000+00:00","$updatedAt":"2026-11-27T10:00:00.000+00:00",
             "userId":"u1","expire":"2027-11-27T10:00:00.000+00:00","provider":"server","providerUid":"",
             "providerAccessToken":"","providerAccessTokenExpiry":"","providerRefreshToken":"","ip":"127.0.0.1",
             "osCode":"","osName":"","osVersion":"","clientType":"","clientCode":"","clientName":"","clientVersion":"",
             "clientEngine":"","clientEngineVersion":"","deviceName":"","deviceBrand":"","deviceModel":"",
             "countryCode":"--","countryName":"Unknown","current":false,"factors":[],"secret":"c2VjcmV0","mfaUpdatedAt":""}
            """;
    private static final String CONFLICT = """
            {"message":"A user with the same id, email, or phone already exists in this project.","code":409,\
            "type":"user_already_exists","version":"1.6.2"}""";

    private HttpServer server;
    private Users users;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/users/u1/sessions", exchange -> answer(exchange, 201, SESSION));
        server.createContext("/v1/users/u2/sessions", exchange -> answer(exchange, 409, CONFLICT));
        server.start();
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(new CallingThreadExecutor()))
                .build();
        Client client = new Client()
                .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .setProject("authbench")
                .setKey("standard_key");
        client.setHttp(http);
        users = new Users(client);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void an_answer_that_arrives_before_the_call_suspends_completes_the_call() throws Exception {
        AtomicReference<Object> returned = new AtomicReference<>();

        CompletableFuture<Session> answer = UserSeeder.start(callback -> {
            returned.set(users.createSession("u1", callback));
            return returned.get();
        });

        assertThat(returned.get())
                .as("the SDK finished without suspending, so it never calls the callback (the case under test)")
                .isNotSameAs(IntrinsicsKt.getCOROUTINE_SUSPENDED());
        assertThat(answer).as("the returned result completes the call at once").isCompleted();
        assertThat(answer.get(0, TimeUnit.SECONDS).getSecret()).isEqualTo("c2VjcmV0");
    }

    @Test
    void a_failure_that_arrives_before_the_call_suspends_fails_the_call() {
        CompletableFuture<Session> answer = UserSeeder.start(callback -> users.createSession("u2", callback));

        assertThat(answer).as("the thrown failure completes the call at once").isCompletedExceptionally();
        assertThat(answer)
                .failsWithin(0, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        AppwriteException.class, e -> assertThat(e.getType()).isEqualTo("user_already_exists"));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Runs each task at once on the thread that submits it: OkHttp's whole exchange happens inside enqueue. */
    private static final class CallingThreadExecutor extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }
}
