package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.support.tls.RunAuthority;
import io.authbench.support.tls.ServerCredentials;
import io.authbench.support.tls.TlsProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --tls-cert/--tls-key: the emulator serves HTTPS, offers h2 through ALPN and still speaks HTTP/1.1. */
class EmulatorHttpsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path run;

    private RunAuthority authority;
    private ServerCredentials credentials;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private EmulatorMain main;

    @BeforeEach
    void issue() {
        authority = RunAuthority.create(run);
        credentials = authority.issue("appwrite", List.of("localhost"));
    }

    @AfterEach
    void stop() {
        if (main != null && main.server() != null) {
            main.server().close();
        }
        authority.close();
    }

    private int start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--password-hash", "fast", "--rate-limits", "off"));
        args.addAll(List.of(extra));
        main = new EmulatorMain(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        return main.run(args.toArray(new String[0]));
    }

    /** The listener's URL under the name the certificate carries. */
    private URI health() {
        URI bound = URI.create(main.server().baseUrl());
        return URI.create("https://localhost:" + bound.getPort() + "/_emulator/stats");
    }

    @Test
    void with_a_certificate_it_serves_https_and_negotiates_h2_through_alpn() throws Exception {
        assertThat(start(credentials.serverArguments().toArray(new String[0]))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .matches("LISTENING https://127\\.0\\.0\\.1:\\d+/v1");

        TlsProbe.Handshake h2 =
                TlsProbe.handshake(health(), authority.clientContext(), List.of("h2", "http/1.1"), TIMEOUT);
        assertThat(h2.alpn()).isEqualTo("h2");
        assertThat(h2.tlsVersion()).isEqualTo("TLSv1.3");

        HttpResponse<String> response = get(HttpClient.Version.HTTP_2, authority.clientContext());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{");
    }

    @Test
    void session_cookies_over_https_are_secure_so_samesite_none_is_kept_by_browsers() throws Exception {
        assertThat(start(credentials.serverArguments().toArray(new String[0]))).isZero();
        URI base = URI.create(
                "https://localhost:" + URI.create(main.server().baseUrl()).getPort() + "/v1");
        HttpClient client = HttpClient.newBuilder()
                .sslContext(authority.clientContext())
                .connectTimeout(TIMEOUT)
                .build();
        String email = "tls@example.com";
        String password = "password123";
        HttpResponse<String> signUp = client.send(
                json(
                        base.resolve("/v1/account"),
                        "{\"userId\":\"unique()\"," + "\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);

        HttpResponse<String> session = client.send(
                json(
                        base.resolve("/v1/account/sessions/email"),
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        assertThat(session.headers().allValues("set-cookie"))
                .hasSize(2)
                .allSatisfy(cookie -> assertThat(cookie).contains("; secure"))
                .anySatisfy(cookie -> assertThat(cookie).contains("; samesite=None"));
    }

    private static HttpRequest json(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Appwrite-Project", "authbench")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Test
    void a_client_without_h2_gets_http_1_1() throws Exception {
        assertThat(start(credentials.serverArguments().toArray(new String[0]))).isZero();

        assertThat(TlsProbe.handshake(health(), authority.clientContext(), List.of("http/1.1"), TIMEOUT)
                        .alpn())
                .isEqualTo("http/1.1");
        assertThat(TlsProbe.handshake(health(), authority.clientContext(), List.of(), TIMEOUT)
                        .alpn())
                .isEmpty();
        HttpResponse<String> response = get(HttpClient.Version.HTTP_1_1, authority.clientContext());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_client_that_does_not_trust_the_run_authority_is_refused() throws Exception {
        assertThat(start(credentials.serverArguments().toArray(new String[0]))).isZero();

        assertThatThrownBy(() -> get(HttpClient.Version.HTTP_2, SSLContext.getDefault()))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("PKIX path building failed");
    }

    @Test
    void without_the_options_it_stays_plain_http() {
        assertThat(start()).isZero();
        assertThat(main.server().baseUrl()).startsWith("http://");
    }

    @Test
    void half_a_pair_or_a_wrong_file_is_a_one_line_usage_error() {
        assertThat(start("--tls-cert", credentials.certificateChain().toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--tls-key is missing")
                .contains("go together")
                .hasLineCount(1);
        err.reset();
        assertThat(start(
                        "--tls-cert",
                        credentials.privateKey().toString(),
                        "--tls-key",
                        credentials.privateKey().toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("is not a PEM certificate file")
                .hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private HttpResponse<String> get(HttpClient.Version version, SSLContext trust) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(version)
                .sslContext(trust)
                .connectTimeout(TIMEOUT)
                .build();
        return client.send(
                HttpRequest.newBuilder(health()).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
