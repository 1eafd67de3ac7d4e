package io.authbench.csr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.authbench.csr.CsrServer;
import io.authbench.csr.cli.CsrOptions;
import io.authbench.support.browser.Browsers;
import io.authbench.support.browser.LaunchSettings;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import io.authbench.support.process.TestClasspath;
import io.authbench.support.tls.ChromiumTrust;
import io.authbench.support.tls.RunAuthority;
import io.authbench.support.tls.ServerCredentials;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.tls.ServerTlsFiles;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSR app and the emulator over HTTPS with a run's certificates, in a Chromium that trusts that run's authority
 * only, reaching them under their own host names ({@code app.authbench.test}, {@code api.authbench.test}: same site)
 * through its own {@code --host-resolver-rules}, not through /etc/hosts.
 */
class CsrHttpsBrowserTest {
    private static final Path LOGS = Path.of("target", "browser-test-logs", "CsrHttpsBrowserTest");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PASSWORD = "correct-horse-battery";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path run;

    static RunAuthority authority;
    static ServerProcess emulator;
    static ServerProcess app;
    static CsrServer foreign;
    static RunAuthority foreignAuthority;
    static Playwright playwright;
    static Browser browser;
    static String apiKey;
    static int emulatorPort;

    @BeforeAll
    static void start() throws Exception {
        authority = RunAuthority.create(run);
        Path keyFile = Servers.writeApiKeyFile(LOGS);
        apiKey = Servers.readApiKey(keyFile);
        List<String> emulatorArgs = new ArrayList<>(List.of(
                "--port",
                "0",
                "--project",
                Servers.PROJECT,
                "--api-key-file",
                keyFile.toString(),
                "--password-hash",
                "fast",
                "--platform",
                "app.authbench.test"));
        emulatorArgs.addAll(authority
                .issue("appwrite", List.of("api.authbench.test", "localhost"))
                .serverArguments());
        // Generous start-up bounds: on a loaded 2-core machine a JVM can take longer than the default 30 s.
        emulator = ServerProcess.start(
                ServerSpec.javaMain(
                                "appwrite-emulator-https",
                                TestClasspath.current(),
                                "io.authbench.emulator.EmulatorMain",
                                emulatorArgs)
                        .withStartTimeout(START_TIMEOUT),
                LOGS);
        emulatorPort = emulator.url().getPort();
        List<String> appArgs = new ArrayList<>(List.of(
                "--port",
                "0",
                "--appwrite-endpoint",
                "https://api.authbench.test/v1",
                "--project",
                Servers.PROJECT,
                "--upstream-timeout",
                "25s"));
        appArgs.addAll(authority.issue("app", List.of("app.authbench.test")).serverArguments());
        app = ServerProcess.start(
                ServerSpec.javaMain("csr-app-https", TestClasspath.current(), "io.authbench.csr.CsrMain", appArgs)
                        .withStartTimeout(START_TIMEOUT),
                LOGS);

        // A server whose certificate comes from another authority: the browser must refuse it.
        Path other = Files.createDirectory(run.resolve("other-run"));
        foreignAuthority = RunAuthority.create(other);
        ServerCredentials foreignTls = foreignAuthority.issue("app", List.of("foreign.authbench.test"));
        foreign = CsrServer.start(
                new CsrOptions(
                        0,
                        "127.0.0.1",
                        URI.create("https://api.authbench.test/v1"),
                        Servers.PROJECT,
                        Duration.ofSeconds(25),
                        false,
                        new ServerTlsFiles(foreignTls.certificateChain(), foreignTls.privateKey())),
                new PrintStream(OutputStream.nullOutputStream()));

        String rules = "MAP app.authbench.test 127.0.0.1:" + app.url().getPort()
                + ", MAP api.authbench.test 127.0.0.1:" + emulatorPort
                + ", MAP foreign.authbench.test 127.0.0.1:" + foreign.baseUrl().getPort();
        // Its own browser, not BrowserExtension's: this one needs host-resolver rules and the run's NSS database.
        PlaywrightAssertions.setDefaultAssertionTimeout(BrowserExtension.PATIENCE.toMillis());
        playwright = Browsers.createPlaywright();
        browser = Browsers.launchChromium(
                playwright,
                LaunchSettings.defaults()
                        .withExtraArgs(List.of("--host-resolver-rules=" + rules))
                        .withEnvironment(ChromiumTrust.create(authority).environment()));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (foreign != null) {
            foreign.close();
        }
        if (app != null) {
            app.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (foreignAuthority != null) {
            foreignAuthority.close();
        }
        if (authority != null) {
            authority.close();
        }
    }

    @Test
    void the_page_loads_over_h2_and_a_same_site_sign_in_keeps_the_session_in_the_cookie() throws Exception {
        String email = "https-" + System.nanoTime() + "@example.com";
        createUser(email, "Radia Perlman");
        try (BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(BrowserExtension.PATIENCE.toMillis());
            Page page = context.newPage();
            List<Request> accountCalls = new CopyOnWriteArrayList<>();
            page.onRequestFinished(request -> {
                if (request.url().startsWith("https://api.authbench.test/v1/account")
                        && request.method().equals("GET")) {
                    accountCalls.add(request);
                }
            });

            page.navigate("https://app.authbench.test/login");
            assertThat((String) page.evaluate("performance.getEntriesByType('navigation')[0].nextHopProtocol"))
                    .isEqualTo("h2");
            page.locator("input[name=email]").fill(email);
            page.locator("input[name=password]").fill(PASSWORD);
            page.getByTestId("login-submit").click();
            assertThat(page.getByTestId("user-name")).hasText("Radia Perlman");

            // The account.get() after the sign-in carried Appwrite's session cookie: same site, first-party.
            Request signedIn = accountCalls.get(accountCalls.size() - 1);
            assertThat(signedIn.allHeaders().getOrDefault("cookie", "")).contains("a_session_" + Servers.PROJECT + "=");
        }
    }

    @Test
    void a_server_with_a_certificate_from_another_authority_is_refused() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            assertThatThrownBy(() -> page.navigate("https://foreign.authbench.test/login"))
                    .isInstanceOf(PlaywrightException.class)
                    .hasMessageContaining("ERR_CERT_AUTHORITY_INVALID");
        }
    }

    /**
     * The Users API over HTTPS, from a JDK client that trusts the run's authority (an admin's set-up step). The JDK
     * client has no host-resolver rules, so it uses the certificate's second name, localhost.
     */
    private static void createUser(String email, String name) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(authority.clientContext())
                .connectTimeout(TIMEOUT)
                .build();
        String body = "{\"userId\":\"unique()\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"name\":\"" + name + "\"}";
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + emulatorPort + "/v1/users"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("X-Appwrite-Project", Servers.PROJECT)
                        .header("X-Appwrite-Key", apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
