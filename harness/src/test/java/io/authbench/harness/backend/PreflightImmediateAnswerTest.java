package io.authbench.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.services.Users;
import io.authbench.harness.backend.PreflightException.Problem;
import io.authbench.harness.sdk.CallingThreadHttp;
import io.authbench.testsupport.appwrite.JsonAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preflight's SDK checks take an answer the SDK returns or throws at once (it arrived before the call could
 * suspend; OkHttp runs each call on the calling thread here, see {@link CallingThreadHttp}) like one that comes
 * through the callback: a success is reported as not Appwrite, a refused connection as unreachable, an Appwrite
 * error is returned for the scope checks.
 */
class PreflightImmediateAnswerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String UNAUTHORIZED = """
            {"message":"Invalid API key","code":401,"type":"user_unauthorized","version":"1.6.2"}""";

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/users/deletable", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext(
                "/v1/users/" + Preflight.PROBE_USER_ID, exchange -> JsonAnswer.send(exchange, 401, UNAUTHORIZED));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_success_returned_at_once_is_reported_as_not_appwrite() {
        Users users = CallingThreadHttp.users(server.getAddress().getPort(), CallingThreadHttp.client());

        PreflightException e = catchThrowableOfType(
                PreflightException.class,
                () -> preflight(server.getAddress().getPort())
                        .sdkError("DELETE /users/deletable", callback -> users.delete("deletable", callback)));

        assertThat(e.problem())
                .as("the answer was there at once; waiting for a callback would end in a timeout (UNREACHABLE)")
                .isEqualTo(Problem.NOT_APPWRITE);
        assertThat(e.getMessage()).contains("succeeded");
    }

    @Test
    void an_appwrite_error_thrown_at_once_is_returned() throws Exception {
        Users users = CallingThreadHttp.users(server.getAddress().getPort(), CallingThreadHttp.client());

        AppwriteException answer = preflight(server.getAddress().getPort())
                .sdkError("DELETE /users/probe", callback -> users.delete(Preflight.PROBE_USER_ID, callback));

        assertThat(answer.getType()).isEqualTo("user_unauthorized");
    }

    @Test
    void a_refused_connection_thrown_at_once_is_reported_as_unreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Users users = CallingThreadHttp.users(closedPort, CallingThreadHttp.client());

        PreflightException e = catchThrowableOfType(
                PreflightException.class,
                () -> preflight(closedPort)
                        .sdkError("DELETE /users/probe", callback -> users.delete(Preflight.PROBE_USER_ID, callback)));

        assertThat(e)
                .as("the SDK throws the ConnectException itself, undeclared; it must not escape the check")
                .isNotNull();
        assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE);
        assertThat(e.getMessage()).contains("refused");
    }

    private static Preflight preflight(int port) {
        return new Preflight(
                new ExternalAppwrite(URI.create("http://127.0.0.1:" + port + "/v1"), "authbench", "standard_key"),
                "http://localhost",
                TIMEOUT);
    }
}
