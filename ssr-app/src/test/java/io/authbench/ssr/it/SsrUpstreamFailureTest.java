package io.authbench.ssr.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import io.authbench.support.process.TestClasspath;
import io.authbench.testsupport.appwrite.MisbehavingAppwrite;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appwrite unreachable, silent or answering garbage: the app answers with its error page within the upstream
 * timeout. The clients wait longer than the app's timeout (Playwright and the HTTP client 30 s), so a hung request
 * fails the test instead of passing slowly; the garbage case runs with a 15 s timeout, so its 502 cannot be a
 * timeout in disguise. The browser comes from {@link BrowserExtension} (launched only for the test that needs one).
 */
@ExtendWith(BrowserExtension.class)
class SsrUpstreamFailureTest {
    // Short where the timeout is what is tested; long elsewhere, so a busy machine cannot turn the expected
    // "unreachable" or "garbage" answer into a timeout.
    private static final String SHORT_TIMEOUT = "2s";
    private static final String LONG_TIMEOUT = "15s";
    private static final Duration CLIENT_PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    @Test
    void with_the_emulator_stopped_a_signed_in_user_sees_the_upstream_error_page(
            BrowserContext context, Page page, PageWatch watch) throws Exception {
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(502)); // the error page this test is about
        try (TestStack stack = TestStack.start(dir.resolve("stopped"), "--upstream-timeout", LONG_TIMEOUT)) {
            stack.createUser("ann@example.com", "password123", "Ann Example");
            page.navigate(stack.appUrl("/login").toString());
            page.locator("input[name=email]").fill("ann@example.com");
            page.locator("input[name=password]").fill("password123");
            page.getByTestId("login-submit").click();
            assertThat(page.getByTestId("user-name")).hasText("Ann Example");

            stack.emulator.close();
            Response response = page.navigate(stack.appUrl("/dashboard").toString());

            assertThat(response.status()).isEqualTo(502);
            assertThat(page.getByTestId("upstream-error"))
                    .hasText("Appwrite could not be reached. Check the connection and try again.");
            assertThat(response.text()).doesNotContain("Exception").doesNotContain("at io.");
            assertThat(stack.appLogs()).contains("aw-get-account: unreachable").doesNotContain(stack.apiKey);
            // The session is still valid at Appwrite, so the cookie stays: the user is back once Appwrite is.
            assertThat(context.cookies())
                    .anySatisfy(cookie -> assertThat(cookie.name).isEqualTo("authbench_session"));
        }
    }

    @Test
    void a_silent_appwrite_gives_a_504_error_page_after_the_timeout() throws Exception {
        try (MisbehavingAppwrite silent = new MisbehavingAppwrite(MisbehavingAppwrite.Behaviour.SILENT);
                ServerProcess app = startApp("silent", silent.endpoint(), SHORT_TIMEOUT)) {
            HttpResponse<String> response = postLogin(app);

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body())
                    .contains("data-testid=\"upstream-error\">Appwrite did not answer within 2 seconds.");
            assertThat(response.headers().firstValue("Server-Timing"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("aw-create-session;dur="));
        }
    }

    @Test
    void an_appwrite_answering_garbage_gives_a_502_error_page_not_a_hang() throws Exception {
        try (MisbehavingAppwrite garbage = new MisbehavingAppwrite(MisbehavingAppwrite.Behaviour.WRONG_SHAPE);
                ServerProcess app = startApp("garbage", garbage.endpoint(), LONG_TIMEOUT)) {
            HttpResponse<String> login = postLogin(app);
            HttpResponse<String> dashboard = send(
                    app,
                    HttpRequest.newBuilder(TestStack.localhost(app.url()).resolve("/dashboard"))
                            .header("Cookie", "authbench_session=eyJpZCI6IngifQ=="));

            for (HttpResponse<String> response : List.of(login, dashboard)) {
                assertThat(response.statusCode()).isEqualTo(502);
                assertThat(response.body())
                        .contains(
                                "data-testid=\"upstream-error\">Appwrite answered with something this app could not understand.");
            }
            String logs = Files.readString(app.stderrLog());
            assertThat(logs)
                    .contains("the Appwrite SDK could not read the response")
                    .doesNotContain("\tat ");
        }
    }

    private ServerProcess startApp(String name, URI endpoint, String upstreamTimeout) throws Exception {
        Path keyFile = Files.writeString(dir.resolve(name + ".key"), "standard_0123456789abcdef\n");
        return ServerProcess.start(
                ServerSpec.javaMain(
                        "ssr-app-" + name,
                        TestClasspath.current(),
                        "io.authbench.ssr.SsrMain",
                        List.of(
                                "--port",
                                "0",
                                "--appwrite-endpoint",
                                endpoint.toString(),
                                "--api-key-file",
                                keyFile.toString(),
                                "--upstream-timeout",
                                upstreamTimeout)),
                dir.resolve("logs"));
    }

    private HttpResponse<String> postLogin(ServerProcess app) throws Exception {
        URI base = TestStack.localhost(app.url());
        return send(
                app,
                HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", base.toString())
                        .POST(HttpRequest.BodyPublishers.ofString("email=ann%40example.com&password=password123")));
    }

    private static HttpResponse<String> send(ServerProcess app, HttpRequest.Builder request) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(CLIENT_PATIENCE).build();
        return http.send(request.timeout(CLIENT_PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
    }
}
