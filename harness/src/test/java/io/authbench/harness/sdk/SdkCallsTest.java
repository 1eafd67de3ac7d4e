package io.authbench.harness.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.models.Session;
import io.appwrite.services.Users;
import io.authbench.testsupport.appwrite.JsonAnswer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An SDK call whose answer arrives before the calling thread suspends finishes without calling its callback: the
 * suspending function returns the result (or throws the failure) to its caller instead. Here OkHttp runs each call
 * on the calling thread ({@link CallingThreadHttp}), which makes that order certain; the usual order (OkHttp's own
 * thread, the callback) is checked as well.
 */
class SdkCallsTest {
    private static final String CONFLICT = """
            {"message":"A user with the same id, email, or phone already exists in this project.","code":409,\
            "type":"user_already_exists","version":"1.6.2"}""";

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/v1/users/u1/sessions", exchange -> JsonAnswer.send(exchange, 201, CallingThreadHttp.SESSION));
        server.createContext("/v1/users/u2/sessions", exchange -> JsonAnswer.send(exchange, 409, CONFLICT));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void an_answer_that_arrives_before_the_call_suspends_completes_the_call() throws Exception {
        Users users = CallingThreadHttp.users(server.getAddress().getPort(), CallingThreadHttp.client());
        AtomicReference<Object> returned = new AtomicReference<>();

        CompletableFuture<Session> answer = SdkCalls.start(callback -> {
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
    void an_error_answer_that_arrives_before_the_call_suspends_fails_the_call() {
        Users users = CallingThreadHttp.users(server.getAddress().getPort(), CallingThreadHttp.client());

        CompletableFuture<Session> answer = SdkCalls.start(callback -> users.createSession("u2", callback));

        assertThat(answer)
                .as("the thrown failure completes the call at once")
                .failsWithin(0, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        AppwriteException.class, e -> assertThat(e.getType()).isEqualTo("user_already_exists"));
    }

    @Test
    void a_refused_connection_thrown_before_the_call_suspends_fails_the_call() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Users users = CallingThreadHttp.users(closedPort, CallingThreadHttp.client());

        CompletableFuture<Session> answer = SdkCalls.start(callback -> users.createSession("u1", callback));

        assertThat(answer)
                .as("Kotlin throws the IOException as is, although Java does not declare it")
                .failsWithin(0, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void an_answer_that_comes_through_the_callback_completes_the_call() throws Exception {
        OkHttpClient http = new OkHttpClient();
        Users users = CallingThreadHttp.users(server.getAddress().getPort(), http);
        try {
            CompletableFuture<Session> answer = SdkCalls.start(callback -> users.createSession("u1", callback));

            assertThat(answer.get(20, TimeUnit.SECONDS).getSecret()).isEqualTo("c2VjcmV0");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
