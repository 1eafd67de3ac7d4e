package io.authbench.ssr.appwrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the gateway turns every way Appwrite can fail into a bounded, classified {@link UpstreamException}. */
class AppwriteGatewayTest {
    private static final String ACCOUNT_JSON = """
            {"$id":"6746b2f1a3c8d9e0f1a2","$createdAt":"2026-11-27T07:00:00.000+00:00",
             "$updatedAt":"2026-11-27T07:00:00.000+00:00","name":"Ann","registration":"2026-11-27T07:00:00.000+00:00",
             "status":true,"labels":[],"passwordUpdate":"2026-11-27T07:00:00.000+00:00","email":"ann@example.com",
             "phone":"","emailVerification":false,"phoneVerification":false,"mfa":false,"prefs":{},"targets":[],
             "accessedAt":""}""";
    private static final ApiKey KEY = new ApiKey("standard_testkey");

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final UpstreamTimings timings = new UpstreamTimings();
    private FakeAppwrite fake;
    private AppwriteGateway gateway;

    private AppwriteGateway gateway(URI endpoint, Duration timeout) {
        gateway = new AppwriteGateway(endpoint, "authbench", KEY, timeout, log::add);
        return gateway;
    }

    private FakeAppwrite fake() throws IOException {
        fake = new FakeAppwrite();
        return fake;
    }

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void a_well_formed_account_is_read_and_timed() throws Exception {
        FakeAppwrite appwrite = fake();
        appwrite.answer(exchange -> {
            assertThat(exchange.getRequestHeaders().getFirst("X-Appwrite-Session"))
                    .isEqualTo("c2VjcmV0");
            assertThat(exchange.getRequestHeaders().containsKey(UpstreamHttp.CALL_ID_HEADER))
                    .isFalse();
            FakeAppwrite.send(exchange, 200, "application/json", ACCOUNT_JSON);
        });

        AccountView user = gateway(appwrite.endpoint(), Duration.ofSeconds(5)).getAccount("c2VjcmV0", timings);

        assertThat(user)
                .isEqualTo(new AccountView(
                        "6746b2f1a3c8d9e0f1a2", "Ann", "ann@example.com", "2026-11-27T07:00:00.000+00:00", false));
        assertThat(timings.headerValue())
                .hasValueSatisfying(v -> assertThat(v).matches("aw-get-account;dur=\\d+\\.\\d{3}"));
    }

    @Test
    void an_appwrite_error_document_becomes_a_rejection_with_its_type() throws Exception {
        FakeAppwrite appwrite = fake();
        appwrite.answer(exchange -> FakeAppwrite.send(
                exchange,
                401,
                "application/json; charset=UTF-8",
                "{\"message\":\"User (role: guests) missing scope (account)\",\"code\":401,"
                        + "\"type\":\"general_unauthorized_scope\",\"version\":\"1.6.2\"}"));

        assertThatThrownBy(() ->
                        gateway(appwrite.endpoint(), Duration.ofSeconds(5)).getAccount("c2VjcmV0", timings))
                .isInstanceOfSatisfying(AppwriteRejection.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.type()).isEqualTo("general_unauthorized_scope");
                    assertThat(e.call()).isEqualTo("aw-get-account");
                });
    }

    @Test
    void a_document_the_sdk_cannot_parse_fails_as_bad_response_instead_of_hanging() throws Exception {
        FakeAppwrite appwrite = fake();
        // A User without most of its fields: the SDK throws on OkHttp's thread and never resumes the call.
        appwrite.answer(
                exchange -> FakeAppwrite.send(exchange, 200, "application/json", "{\"$id\":\"x\",\"name\":\"Ann\"}"));

        // The timeout is long on purpose: BAD_RESPONSE (not TIMEOUT) proves the crash was caught, not waited out.
        assertThatThrownBy(() ->
                        gateway(appwrite.endpoint(), Duration.ofSeconds(60)).getAccount("c2VjcmV0", timings))
                .isInstanceOfSatisfying(
                        UpstreamFailure.class, e -> assertThat(e.kind()).isEqualTo(UpstreamFailure.Kind.BAD_RESPONSE));
        assertThat(log)
                .anySatisfy(line ->
                        assertThat(line).startsWith("aw-get-account: the Appwrite SDK could not read the response"));
    }

    @Test
    void a_body_that_is_not_json_fails_as_bad_response() throws Exception {
        FakeAppwrite appwrite = fake();
        appwrite.answer(exchange -> FakeAppwrite.send(exchange, 200, "text/html", "<html>proxy login</html>"));

        assertThatThrownBy(() ->
                        gateway(appwrite.endpoint(), Duration.ofSeconds(60)).getAccount("c2VjcmV0", timings))
                .isInstanceOfSatisfying(
                        UpstreamFailure.class, e -> assertThat(e.kind()).isEqualTo(UpstreamFailure.Kind.BAD_RESPONSE));
    }

    @Test
    void an_error_page_that_is_not_an_appwrite_document_is_a_bad_response_and_its_body_is_not_repeated()
            throws Exception {
        FakeAppwrite appwrite = fake();
        appwrite.answer(exchange -> FakeAppwrite.send(exchange, 502, "text/html", "<h1>Bad Gateway from nginx</h1>"));

        assertThatThrownBy(() ->
                        gateway(appwrite.endpoint(), Duration.ofSeconds(5)).getAccount("c2VjcmV0", timings))
                .isInstanceOfSatisfying(UpstreamFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(UpstreamFailure.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("HTTP 502").doesNotContain("nginx");
                });
    }

    @Test
    void a_silent_appwrite_fails_as_timeout_and_the_call_is_still_timed() throws Exception {
        FakeAppwrite appwrite = fake();
        appwrite.answer(exchange -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThatThrownBy(() ->
                        gateway(appwrite.endpoint(), Duration.ofMillis(300)).getAccount("c2VjcmV0", timings))
                .isInstanceOfSatisfying(
                        UpstreamFailure.class, e -> assertThat(e.kind()).isEqualTo(UpstreamFailure.Kind.TIMEOUT));
        assertThat(timings.headerValue()).isPresent();
    }

    @Test
    void a_closed_port_fails_as_unreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> gateway(URI.create("http://127.0.0.1:" + closedPort + "/v1"), Duration.ofSeconds(5))
                        .getAccount("c2VjcmV0", timings))
                .isInstanceOfSatisfying(
                        UpstreamFailure.class, e -> assertThat(e.kind()).isEqualTo(UpstreamFailure.Kind.UNREACHABLE));
    }

    @Test
    void a_session_without_a_secret_is_refused_rather_than_put_in_a_cookie() throws Exception {
        FakeAppwrite appwrite = fake();
        appwrite.answer(exchange -> FakeAppwrite.send(exchange, 201, "application/json", sessionJson("")));

        assertThatThrownBy(() -> gateway(appwrite.endpoint(), Duration.ofSeconds(5))
                        .createEmailPasswordSession("ann@example.com", "password123", "Chrome", timings))
                .isInstanceOfSatisfying(UpstreamFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(UpstreamFailure.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("no secret");
                });
    }

    @Test
    void the_admin_client_sends_the_key_and_the_browser_user_agent() throws Exception {
        FakeAppwrite appwrite = fake();
        appwrite.answer(exchange -> {
            assertThat(exchange.getRequestHeaders().getFirst("X-Appwrite-Key")).isEqualTo("standard_testkey");
            assertThat(exchange.getRequestHeaders().getFirst("X-Forwarded-User-Agent"))
                    .isEqualTo("Chrome/156");
            assertThat(exchange.getRequestHeaders().containsKey("X-Appwrite-Session"))
                    .isFalse();
            FakeAppwrite.send(exchange, 201, "application/json", sessionJson("eyJpZCI6IngifQ=="));
        });

        NewSession session = gateway(appwrite.endpoint(), Duration.ofSeconds(5))
                .createEmailPasswordSession("ann@example.com", "password123", "Chrome/156", timings);

        assertThat(session.secret()).isEqualTo("eyJpZCI6IngifQ==");
        assertThat(session.expire()).hasToString("2027-11-27T07:00Z");
        assertThat(session.toString()).doesNotContain("eyJpZCI6IngifQ==");
    }

    @Test
    void many_calls_share_one_pooled_connection() throws Exception {
        FakeAppwrite appwrite = fake();
        appwrite.answer(exchange -> FakeAppwrite.send(exchange, 200, "application/json", ACCOUNT_JSON));
        AppwriteGateway shared = gateway(appwrite.endpoint(), Duration.ofSeconds(5));

        for (int i = 0; i < 50; i++) {
            shared.getAccount("c2VjcmV0", new UpstreamTimings()); // a new SDK Client each time, as per request
        }

        assertThat(appwrite.connectionsSeen()).isEqualTo(1);
    }

    @Test
    void repeated_calls_in_one_request_get_numbered_server_timing_names() {
        UpstreamTimings request = new UpstreamTimings();
        request.record("aw-create-session", 12_345_678);
        request.record("aw-get-account", 1_100_000);
        request.record("aw-get-account", 900_000);

        assertThat(request.headerValue())
                .hasValue("aw-create-session;dur=12.346, aw-get-account;dur=1.100, aw-get-account-2;dur=0.900");
        assertThat(new UpstreamTimings().headerValue()).isEmpty();
    }

    private static String sessionJson(String secret) {
        return """
                {"$id":"6746b30c0e1f2a3b4c5d","$createdAt":"2026-11-27T07:00:00.000+00:00",
                 "$updatedAt":"2026-11-27T07:00:00.000+00:00","userId":"6746b2f1a3c8d9e0f1a2",
                 "expire":"2027-11-27T07:00:00.000+00:00","provider":"email","providerUid":"ann@example.com",
                 "providerAccessToken":"","providerAccessTokenExpiry":"","providerRefreshToken":"","ip":"127.0.0.1",
                 "osCode":"","osName":"","osVersion":"","clientType":"","clientCode":"","clientName":"","clientVersion":"",
                 "clientEngine":"","clientEngineVersion":"","deviceName":"","deviceBrand":"","deviceModel":"",
                 "countryCode":"--","countryName":"Unknown","current":true,"factors":["password"],"secret":"%s",
                 "mfaUpdatedAt":""}""".formatted(secret);
    }
}
