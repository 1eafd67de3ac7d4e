package io.authbench.ssr.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import io.authbench.support.process.TestClasspath;
import io.authbench.support.tls.RunAuthority;
import io.authbench.support.tls.ServerCredentials;
import io.authbench.support.tls.TlsProbe;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on both of the app's links, with real processes: the emulator serves HTTPS with a run certificate, the app
 * serves HTTPS with its own and verifies the emulator against the run's authority ({@code --appwrite-ca}).
 */
class SsrHttpsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PASSWORD = "password123";

    @TempDir
    static Path dir;

    static RunAuthority authority;
    static ServerProcess emulator;
    static URI appwrite;
    static Path keyFile;
    static final List<ServerProcess> apps = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        authority = RunAuthority.create(dir);
        ServerCredentials emulatorTls = authority.issue("appwrite", List.of("localhost"));
        String apiKey = "standard_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        keyFile = Files.writeString(dir.resolve("api.key"), apiKey + "\n");
        List<String> args = new ArrayList<>(List.of(
                "--port",
                "0",
                "--project",
                "authbench",
                "--api-key-file",
                keyFile.toString(),
                "--password-hash",
                "fast",
                "--rate-limits",
                "off"));
        args.addAll(emulatorTls.serverArguments());
        emulator = ServerProcess.start(
                ServerSpec.javaMain(
                        "appwrite-emulator", TestClasspath.current(), "io.authbench.emulator.EmulatorMain", args),
                dir.resolve("logs"));
        appwrite = TestStack.localhost(emulator.url());
        assertThat(appwrite.getScheme()).isEqualTo("https");
        createUser(apiKey, "ann@example.com", "Ann Https");
    }

    @AfterAll
    static void stop() {
        apps.forEach(ServerProcess::close);
        if (emulator != null) {
            emulator.close();
        }
        authority.close();
    }

    private static ServerProcess startApp(String name, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--port",
                "0",
                "--appwrite-endpoint",
                appwrite.toString(),
                "--project",
                "authbench",
                "--api-key-file",
                keyFile.toString(),
                "--upstream-timeout",
                "20s"));
        args.addAll(extra);
        ServerProcess app = ServerProcess.start(
                ServerSpec.javaMain(name, TestClasspath.current(), "io.authbench.ssr.SsrMain", args),
                dir.resolve("logs"));
        apps.add(app);
        return app;
    }

    @Test
    void signs_in_over_h2_and_calls_appwrite_over_https_trusting_the_run_authority() throws Exception {
        List<String> extra =
                new ArrayList<>(authority.issue("app", List.of("localhost")).serverArguments());
        extra.addAll(List.of("--appwrite-ca", authority.caCertificate().toString()));
        URI app = TestStack.localhost(startApp("ssr-app-https", extra).url());
        assertThat(app.getScheme()).isEqualTo("https");
        assertThat(TlsProbe.handshake(app, authority.clientContext(), List.of("h2", "http/1.1"), TIMEOUT)
                        .alpn())
                .isEqualTo("h2");

        HttpResponse<String> login = login(app);
        assertThat(login.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.headers().allValues("set-cookie").stream()
                .filter(v -> v.startsWith("authbench_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("; Secure"); // --secure-cookies auto: the request came over https
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> dashboard = client().send(
                        HttpRequest.newBuilder(app.resolve("/dashboard"))
                                .header("Cookie", cookie)
                                .timeout(TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Ann Https"); // account.get() went over TLS to the emulator
    }

    @Test
    void without_the_run_authority_the_app_refuses_the_emulator_certificate() throws Exception {
        URI app = TestStack.localhost(startApp("ssr-app-untrusting", List.of()).url());

        HttpResponse<String> login = login(app);
        assertThat(login.statusCode()).isEqualTo(502);
        ServerProcess process = apps.get(apps.size() - 1);
        assertThat(Files.readString(process.stdoutLog()) + Files.readString(process.stderrLog()))
                .contains("SSLHandshakeException", "PKIX path building failed", "check that --appwrite-ca names");
    }

    private static HttpResponse<String> login(URI app) throws Exception {
        String form = "email=" + URLEncoder.encode("ann@example.com", StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        return client().send(
                        HttpRequest.newBuilder(app.resolve("/login"))
                                .timeout(TIMEOUT)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Origin", app.toString().replaceAll("/$", ""))
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .sslContext(authority.clientContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** Users API over HTTPS with the JDK client trusting the run's authority (the admin's side of the set-up). */
    private static void createUser(String apiKey, String email, String name) throws Exception {
        String body = "{\"userId\":\"unique()\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"name\":\"" + name + "\"}";
        HttpResponse<String> response = client().send(
                        HttpRequest.newBuilder(URI.create(appwrite + "/users"))
                                .timeout(TIMEOUT)
                                .header("Content-Type", "application/json")
                                .header("X-Appwrite-Project", "authbench")
                                .header("X-Appwrite-Key", apiKey)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
