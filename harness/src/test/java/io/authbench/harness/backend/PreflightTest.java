package io.authbench.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.authbench.harness.backend.PreflightException.Problem;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each failure case of the external-Appwrite preflight, against a real emulator process configured to fail it (or a
 * closed port, a silent socket, a plain-HTTP port addressed as https, a self-signed TLS server): the check names the
 * problem and the fix, and never the key.
 */
class PreflightTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String LOCALHOST = "http://localhost";

    @TempDir
    static Path logs;
    /** A healthy Appwrite: project authbench, a key with every scope the harness needs. */
    static ExternalEmulator healthy;

    @BeforeAll
    static void startHealthyEmulator() {
        healthy = ExternalEmulator.start(logs, "--project", "authbench");
    }

    @AfterAll
    static void stop() {
        if (healthy != null) {
            healthy.close();
        }
    }

    @Test
    void a_healthy_backend_passes_every_check() throws Exception {
        List<String> passed = new Preflight(healthy.backend("authbench", healthy.apiKey), LOCALHOST, TIMEOUT).run();

        assertThat(passed)
                .hasSize(5)
                .anyMatch(l -> l.contains("users.write"))
                .anyMatch(l -> l.contains("sessions.write"))
                .anyMatch(l -> l.contains("origin http://localhost"));
    }

    @Test
    void an_unknown_project_is_named_with_where_to_find_the_id() {
        PreflightException e = fail(healthy.backend("no-such-project", healthy.apiKey), LOCALHOST);

        assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_PROJECT);
        assertThat(e.getMessage())
                .contains("no project 'no-such-project'", "404 project_not_found", "--appwrite-project");
    }

    @Test
    void an_invalid_key_is_reported_without_showing_it() {
        String wrongKey = "standard_" + "ab".repeat(128);
        PreflightException e = fail(healthy.backend("authbench", wrongKey), LOCALHOST);

        assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY);
        assertThat(e.getMessage())
                .contains("401 user_unauthorized", "--appwrite-key-file")
                .doesNotContain(wrongKey)
                .doesNotContain(healthy.apiKey);
    }

    @Test
    void an_expired_key_is_reported_as_expired() {
        try (ExternalEmulator expired = ExternalEmulator.start(logs, "--api-key-expires-at", "2020-01-01T00:00:00Z")) {
            PreflightException e = fail(expired.backend("authbench", expired.apiKey), LOCALHOST);

            assertThat(e.problem()).isEqualTo(Problem.EXPIRED_KEY);
            assertThat(e.getMessage())
                    .contains("expired", "project_key_expired")
                    .doesNotContain(expired.apiKey);
        }
    }

    @Test
    void a_key_without_users_write_is_named_with_the_missing_scope() {
        try (ExternalEmulator limited = ExternalEmulator.start(logs, "--api-key-scopes", "users.read,sessions.write")) {
            PreflightException e = fail(limited.backend("authbench", limited.apiKey), LOCALHOST);

            assertThat(e.problem()).isEqualTo(Problem.MISSING_SCOPE);
            assertThat(e.getMessage())
                    .contains(
                            "lacks the scope users.write",
                            "general_unauthorized_scope",
                            "missing scope (users.write)",
                            "add the scope users.write");
        }
    }

    @Test
    void a_key_without_sessions_write_is_named_with_the_missing_scope() {
        try (ExternalEmulator limited = ExternalEmulator.start(logs, "--api-key-scopes", "users.read,users.write")) {
            PreflightException e = fail(limited.backend("authbench", limited.apiKey), LOCALHOST);

            assertThat(e.problem()).isEqualTo(Problem.MISSING_SCOPE);
            assertThat(e.getMessage()).contains("lacks the scope sessions.write", "missing scope (sessions.write)");
        }
    }

    @Test
    void an_origin_without_a_web_platform_says_which_hostname_to_register() throws Exception {
        PreflightException e = fail(healthy.backend("authbench", healthy.apiKey), "http://bench.example.test");

        assertThat(e.problem()).isEqualTo(Problem.ORIGIN_NOT_REGISTERED);
        assertThat(e.getMessage())
                .contains(
                        "http://bench.example.test",
                        "Access-Control-Allow-Origin: http://localhost",
                        "register a Web platform with hostname bench.example.test");
        // The same origin passes once the platform is registered.
        try (ExternalEmulator withPlatform = ExternalEmulator.start(logs, "--platform", "bench.example.test")) {
            assertThat(new Preflight(
                                    withPlatform.backend("authbench", withPlatform.apiKey),
                                    "http://bench.example.test",
                                    TIMEOUT)
                            .run())
                    .hasSize(5);
        }
    }

    @Test
    void a_closed_port_is_a_refused_connection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PreflightException e =
                fail(new ExternalAppwrite(URI.create("http://127.0.0.1:" + port + "/v1"), "authbench", "k"), LOCALHOST);

        assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE);
        assertThat(e.getMessage()).contains("unreachable", "127.0.0.1:" + port, "refused", "--appwrite-endpoint");
    }

    @Test
    void an_unknown_host_is_named() {
        PreflightException e = fail(
                new ExternalAppwrite(URI.create("https://appwrite.authbench.invalid/v1"), "authbench", "k"), LOCALHOST);

        assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE);
        assertThat(e.getMessage()).contains("unknown host 'appwrite.authbench.invalid'");
    }

    @Test
    void a_server_that_never_answers_is_a_timeout() throws Exception {
        // Accepts connections (the kernel completes the handshake) but never reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            PreflightException e = assertThrows(new Preflight(
                    new ExternalAppwrite(
                            URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/v1"), "authbench", "k"),
                    LOCALHOST,
                    Duration.ofSeconds(1)));

            assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE);
            assertThat(e.getMessage()).contains("no answer", "within 1000 ms (timeout)");
        }
    }

    @Test
    void https_to_a_plain_http_port_is_a_tls_handshake_failure() {
        URI plain = healthy.api();
        PreflightException e = fail(
                new ExternalAppwrite(
                        URI.create("https://127.0.0.1:" + plain.getPort() + "/v1"), "authbench", healthy.apiKey),
                LOCALHOST);

        assertThat(e.problem()).isEqualTo(Problem.TLS);
        assertThat(e.getMessage()).contains("TLS failure", "handshake", "use http:// for a plain-HTTP server");
    }

    @Test
    void a_self_signed_certificate_is_a_tls_trust_failure() throws Exception {
        HttpsServer server = selfSignedServer();
        try {
            PreflightException e = fail(
                    new ExternalAppwrite(
                            URI.create(
                                    "https://localhost:" + server.getAddress().getPort() + "/v1"),
                            "authbench",
                            "k"),
                    LOCALHOST);

            assertThat(e.problem()).isEqualTo(Problem.TLS);
            assertThat(e.getMessage()).contains("certificate is not trusted", "trust store");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_web_server_that_is_not_appwrite_is_named() throws Exception {
        HttpServer website = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        website.createContext("/", exchange -> {
            byte[] page = "<html><body>Welcome</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        website.start();
        try {
            PreflightException e = fail(
                    new ExternalAppwrite(
                            URI.create(
                                    "http://127.0.0.1:" + website.getAddress().getPort() + "/v1"),
                            "authbench",
                            "k"),
                    LOCALHOST);

            assertThat(e.problem()).isEqualTo(Problem.NOT_APPWRITE);
            assertThat(e.getMessage())
                    .contains("answered GET /account with HTTP 200", "not Appwrite's API", "Settings → API endpoint");
        } finally {
            website.stop(0);
        }
    }

    private static PreflightException fail(ExternalAppwrite backend, String origin) {
        return assertThrows(new Preflight(backend, origin, TIMEOUT));
    }

    private static PreflightException assertThrows(Preflight preflight) {
        Throwable thrown = Assertions.assertThrows(PreflightException.class, preflight::run);
        assertThat(thrown.getMessage()).contains("Fix:");
        return (PreflightException) thrown;
    }

    /** A JDK HTTPS server with a fresh self-signed certificate (keytool), answering nothing useful. */
    private static HttpsServer selfSignedServer() throws Exception {
        Path store = logs.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "test",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("keytool.log").toFile())
                .start();
        assertThat(keytool.waitFor()).as("keytool exit code").isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
