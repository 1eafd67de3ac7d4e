package io.authbench.harness.apps;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.harness.stack.ChildDiedException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppWarmupTest {
    @Test
    void an_app_that_does_not_answer_is_named_with_the_url_and_the_real_exception() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        AppWarmup.App app = new AppWarmup.App(
                "my-app", URI.create("http://127.0.0.1:" + port), "/signin", List.of("signin"), "start it");

        assertThatThrownBy(() -> AppWarmup.requireAnswer(app))
                .isInstanceOf(ChildDiedException.class)
                .hasMessageStartingWith("my-app does not answer GET http://127.0.0.1:" + port + "/signin within 5 s (")
                .hasMessageContaining("java.net.ConnectException")
                .hasMessageEndingWith("): start it");
    }
}
