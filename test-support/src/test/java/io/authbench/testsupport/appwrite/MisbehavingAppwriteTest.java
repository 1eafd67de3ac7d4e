package io.authbench.testsupport.appwrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.testsupport.appwrite.MisbehavingAppwrite.Behaviour;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Each behaviour as a client meets it, over real HTTP/1.1 on loopback. */
class MisbehavingAppwriteTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PATIENCE)
            .build();

    @Test
    void the_endpoint_is_an_appwrite_api_url_on_loopback() {
        try (MisbehavingAppwrite appwrite = new MisbehavingAppwrite(Behaviour.NOT_JSON)) {
            assertThat(appwrite.endpoint().toString()).matches("http://localhost:\\d+/v1");
        }
    }

    @Test
    void server_error_answers_500_in_appwrites_error_format() throws Exception {
        try (MisbehavingAppwrite appwrite = new MisbehavingAppwrite(Behaviour.SERVER_ERROR)) {
            HttpResponse<String> response = get(appwrite.endpoint(), "/account");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache, no-store, must-revalidate");
            assertThat(response.body())
                    .isEqualTo(
                            "{\"message\":\"An unknown error has occurred. Please check the logs"
                                    + " for more information.\",\"code\":500,\"type\":\"general_unknown\",\"version\":\"1.6.2\"}");
        }
    }

    @Test
    void not_json_says_json_and_sends_html() throws Exception {
        try (MisbehavingAppwrite appwrite = new MisbehavingAppwrite(Behaviour.NOT_JSON)) {
            HttpResponse<String> response = get(appwrite.endpoint(), "/account/sessions/email");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).isEqualTo("<html>502 Bad Gateway</html>");
        }
    }

    @Test
    void wrong_shape_sends_json_that_is_no_appwrite_model() throws Exception {
        try (MisbehavingAppwrite appwrite = new MisbehavingAppwrite(Behaviour.WRONG_SHAPE)) {
            HttpResponse<String> response = get(appwrite.endpoint(), "/account");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"$id\":\"only-an-id\"}");
        }
    }

    @Test
    void silent_never_answers_until_it_is_closed() throws Exception {
        CompletableFuture<HttpResponse<String>> pending;
        try (MisbehavingAppwrite appwrite = new MisbehavingAppwrite(Behaviour.SILENT)) {
            pending = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(appwrite.endpoint() + "/account"))
                            .timeout(PATIENCE)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(1_000);
            assertThat(pending).as("an answer from a silent Appwrite").isNotDone();
        }
        // close() let go of the held request: the client sees the connection end, not a 30 s timeout.
        assertThat(pending)
                .failsWithin(PATIENCE.minusSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withMessageNotContaining("timed out");
    }

    @Test
    void a_browsers_preflight_is_answered_in_every_behaviour() throws Exception {
        for (Behaviour behaviour : Behaviour.values()) {
            try (MisbehavingAppwrite appwrite = new MisbehavingAppwrite(behaviour)) {
                HttpResponse<String> preflight = http.send(
                        HttpRequest.newBuilder(URI.create(appwrite.endpoint() + "/account"))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", "http://localhost:8080")
                                .header("Access-Control-Request-Method", "GET")
                                .header("Access-Control-Request-Headers", "x-appwrite-project")
                                .timeout(PATIENCE)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(preflight.statusCode()).as(behaviour.name()).isEqualTo(204);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                        .hasValue("http://localhost:8080");
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                        .hasValue("x-appwrite-project");
            }
        }
    }

    private HttpResponse<String> get(URI endpoint, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(endpoint + path))
                        .timeout(PATIENCE)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
