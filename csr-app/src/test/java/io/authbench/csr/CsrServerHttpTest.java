package io.authbench.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.csr.cli.CsrOptions;
import io.authbench.csr.page.FrontEndBundle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over real HTTP on port 0: what each kind of request gets back. */
class CsrServerHttpTest {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String EXPECTED_CSP = "default-src 'self'; connect-src 'self' http://localhost:8080;"
            + " script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final ByteArrayOutputStream requestLog = new ByteArrayOutputStream();
    private static CsrServer server;
    private static FrontEndBundle bundle;
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() {
        server = CsrServer.start(
                new CsrOptions(
                        0,
                        "127.0.0.1",
                        URI.create("http://localhost:8080/v1"),
                        "authbench",
                        Duration.ofSeconds(5),
                        true),
                new PrintStream(requestLog, true, StandardCharsets.UTF_8));
        bundle = FrontEndBundle.fromClasspath();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.baseUrl().resolve(path)).timeout(Duration.ofSeconds(5));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/dashboard", "/profile", "/dashboard?x=1", "/some/deep/link"})
    void every_app_route_gets_index_html_that_must_be_revalidated(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, "Accept", BROWSER_ACCEPT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(text(response))
                .contains("<meta name=\"authbench-config\"")
                .contains("src=\"" + bundle.scriptPath() + "\"")
                .contains("href=\"" + bundle.stylesheetPath() + "\"");
    }

    @Test
    void index_html_carries_the_csp_that_allows_exactly_the_appwrite_origin_and_nosniff() throws Exception {
        HttpResponse<byte[]> response = get("/dashboard", "Accept", BROWSER_ACCEPT);

        assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(EXPECTED_CSP);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void the_page_names_the_endpoint_and_project_but_holds_no_secret() throws Exception {
        String html = text(get("/", "Accept", BROWSER_ACCEPT));

        assertThat(html).contains("http://localhost:8080/v1").contains("authbench");
        assertThat(html.toLowerCase()).doesNotContain("key").doesNotContain("secret");
    }

    @Test
    void hashed_assets_are_cacheable_for_a_year_and_immutable() throws Exception {
        for (String path : bundle.assets().keySet()) {
            HttpResponse<byte[]> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control"))
                    .as(path)
                    .contains("public, max-age=31536000, immutable");
            assertThat(response.body())
                    .as(path)
                    .isEqualTo(bundle.assets().get(path).body());
        }
        assertThat(get(bundle.scriptPath()).headers().firstValue("Content-Type"))
                .contains("text/javascript; charset=utf-8");
        assertThat(get(bundle.stylesheetPath()).headers().firstValue("Content-Type"))
                .contains("text/css; charset=utf-8");
    }

    @Test
    void text_assets_are_gzipped_when_the_browser_accepts_it() throws Exception {
        HttpResponse<byte[]> response = get(bundle.scriptPath(), "Accept-Encoding", "gzip");

        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
        assertThat(plain).isEqualTo(bundle.assets().get(bundle.scriptPath()).body());
        assertThat(response.body().length).isLessThan(plain.length / 2);
    }

    @Test
    void assets_are_sent_uncompressed_to_a_client_that_does_not_accept_gzip() throws Exception {
        HttpResponse<byte[]> response = get(bundle.scriptPath());

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/assets/app-NOPE1234.js", "/assets/", "/assets/app.js", "/assets/%2E%2E/csr/manifest.json"})
    void unknown_asset_paths_stay_404_even_for_a_browser_navigation(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, "Accept", BROWSER_ACCEPT);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).doesNotContain("<html");
    }

    @Test
    void files_on_the_classpath_outside_the_bundle_are_never_served() throws Exception {
        assertThat(get("/csr/manifest.json").statusCode()).isEqualTo(404);
        assertThat(text(get("/csr/manifest.json", "Accept", BROWSER_ACCEPT))).doesNotContain("\"script\"");
        assertThat(get("/io/authbench/csr/CsrMain.class").statusCode()).isEqualTo(404);
    }

    @Test
    void a_request_that_does_not_accept_html_gets_404_instead_of_the_page() throws Exception {
        HttpResponse<byte[]> response = get("/dashboard", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void a_post_to_an_app_route_is_not_answered_with_the_page() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(server.baseUrl().resolve("/login"))
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString("email=a"))
                .build();

        assertThat(http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_revalidation_with_the_current_entity_tag_gets_304() throws Exception {
        HttpResponse<byte[]> first = get("/login", "Accept", BROWSER_ACCEPT);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> second = get("/login", "Accept", BROWSER_ACCEPT, "If-None-Match", etag);

        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(get("/login", "Accept", BROWSER_ACCEPT, "If-None-Match", etag.substring(2))
                        .statusCode())
                .as("the strong form of the same tag")
                .isEqualTo(304);
        assertThat(get(bundle.scriptPath(), "If-None-Match", "\"other\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_head_request_gets_the_headers_without_a_body_and_a_true_length_even_when_gzip_is_accepted()
            throws Exception {
        HttpRequest head = HttpRequest.newBuilder(server.baseUrl().resolve(bundle.scriptPath()))
                .header("Accept-Encoding", "gzip")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<byte[]> response = http.send(head, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length"))
                .contains(
                        String.valueOf(bundle.assets().get(bundle.scriptPath()).body().length));
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void the_request_log_has_one_line_per_request() throws Exception {
        get("/profile?from=log-test", "Accept", BROWSER_ACCEPT);

        // The line is written when the exchange completes, which may be just after the client has the response.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!requestLog.toString(StandardCharsets.UTF_8).contains("from=log-test") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(requestLog.toString(StandardCharsets.UTF_8))
                .containsPattern("127\\.0\\.0\\.1 \"GET /profile\\?from=log-test HTTP/1\\.1\" 200 \\d+");
    }
}
