package io.authbench.serverbench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.serverbench.ServerBenchException;
import io.authbench.support.process.Readiness;
import io.authbench.support.process.ServerSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a Next.js app's target file, the checks before it starts, and the process it becomes. */
class NextAppTest {
    private static final String TARGET = """
            {"name": "next-ssr", "pattern": "ssr",
             "start": {"command": ["node", "node_modules/next/dist/bin/next", "start", "--port", "{port}", "--hostname", "{host}"],
                       "directory": ".",
                       "environment": {"APPWRITE_ENDPOINT": "{appwriteEndpoint}", "APPWRITE_PROJECT": "{projectId}"},
                       "apiKeyEnvironment": "APPWRITE_API_KEY",
                       "ready": {"url": "/login"}, "startTimeoutSeconds": 45}}
            """;

    @TempDir
    Path nextjs;

    private Path app(String folder, String json, boolean built) throws IOException {
        Path dir = Files.createDirectories(nextjs.resolve(folder));
        Files.writeString(dir.resolve("target.json"), json);
        if (built) {
            Files.createDirectories(dir.resolve(".next"));
            Files.writeString(dir.resolve(".next/BUILD_ID"), "test");
            Files.createDirectories(dir.resolve("node_modules/next"));
        }
        return dir;
    }

    @Test
    void the_start_command_has_the_placeholders_filled_and_the_key_only_in_the_environment() throws Exception {
        NextApp app = NextApp.read(app("ssr", TARGET, true), "next-ssr");

        ServerSpec spec = app.spec(
                41000,
                URI.create("http://127.0.0.1:9000/v1"),
                URI.create("http://localhost:9000/v1"),
                "authbench",
                "standard_secret");

        assertThat(spec.name()).isEqualTo("next-ssr");
        assertThat(spec.command())
                .containsExactly(
                        "node",
                        "node_modules/next/dist/bin/next",
                        "start",
                        "--port",
                        "41000",
                        "--hostname",
                        "127.0.0.1");
        assertThat(String.join(" ", spec.command())).doesNotContain("standard_secret");
        assertThat(spec.environment())
                .containsEntry("APPWRITE_ENDPOINT", "http://127.0.0.1:9000/v1")
                .containsEntry("APPWRITE_PROJECT", "authbench")
                .containsEntry("APPWRITE_API_KEY", "standard_secret");
        assertThat(spec.toString()).doesNotContain("standard_secret");
        assertThat(spec.workingDirectory()).isEqualTo(nextjs.resolve("ssr").toAbsolutePath());
        assertThat(spec.startTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(spec.readiness().kind()).isEqualTo(Readiness.Kind.HTTP_GET);
        assertThat(spec.readiness().url()).isEqualTo(URI.create("http://127.0.0.1:41000/login"));
    }

    @Test
    void an_app_without_an_api_key_variable_gets_no_key() throws Exception {
        NextApp app = NextApp.read(
                app(
                        "csr",
                        TARGET.replace("next-ssr", "next-csr")
                                .replace("\"apiKeyEnvironment\": \"APPWRITE_API_KEY\",", ""),
                        true),
                "next-csr");

        ServerSpec spec = app.spec(
                41001,
                URI.create("http://127.0.0.1:9000/v1"),
                URI.create("http://localhost:9000/v1"),
                "authbench",
                "standard_secret");

        assertThat(spec.environment()).doesNotContainValue("standard_secret");
    }

    @Test
    void an_app_that_was_not_built_is_named_with_the_build_command() throws Exception {
        Path dir = app("ssr", TARGET, false);

        assertThatThrownBy(() -> NextApp.read(dir, "next-ssr"))
                .isInstanceOf(ServerBenchException.class)
                .hasMessage("next-ssr is not built: " + dir.toAbsolutePath().resolve(".next/BUILD_ID") + " is missing"
                        + " (`next start` serves a production build). Build them with `mvn -B -q -pl nextjs -am verify"
                        + " -Dbench.nextjs=true -DskipTests` (or `node nextjs/build-apps.mjs`).");
    }

    @Test
    void a_folder_without_a_target_file_or_with_another_app_is_refused_with_what_to_do() throws Exception {
        assertThatThrownBy(() -> NextApp.read(nextjs.resolve("ssr"), "next-ssr"))
                .hasMessageContaining("target.json not" + " found. Point --nextjs-dir at the project's nextjs folder");
        Path csrFolder = app("csr", TARGET, true);
        assertThatThrownBy(() -> NextApp.read(csrFolder, "next-csr"))
                .hasMessageContaining("describes 'next-ssr'," + " expected 'next-csr'");
        Path broken = app("broken", "{\"name\": \"next-ssr\", \"start\": {}}", true);
        assertThatThrownBy(() -> NextApp.read(broken, "next-ssr"))
                .hasMessageContaining("has no start.command or no" + " start.ready.url");
        Path unknown = app("unknown", TARGET.replace("{host}", "{nope}"), true);
        assertThatThrownBy(() -> NextApp.read(unknown, "next-ssr")
                        .spec(1, URI.create("http://127.0.0.1:9/v1"), URI.create("http://localhost:9/v1"), "p", "k"))
                .hasMessageContaining("placeholder {nope}");
    }

    @Test
    void apps_that_cannot_start_are_skipped_with_their_reason_and_nothing_is_started() throws Exception {
        app("ssr", TARGET, false);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunningServers servers = new RunningServers(
                URI.create("http://127.0.0.1:9/v1"),
                URI.create("http://127.0.0.1:8"),
                URI.create("http://127.0.0.1:7"),
                "authbench",
                "standard_secret",
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty());

        try (NextStack stack = NextStack.launch(
                nextjs, servers, nextjs.resolve("logs"), new PrintStream(progress, true, StandardCharsets.UTF_8))) {
            assertThat(stack.running()).isEmpty();
            assertThat(stack.skipped())
                    .satisfiesExactly(
                            s -> assertThat(s)
                                    .startsWith("next-ssr was not measured (it did not start): next-ssr is not built"),
                            s -> assertThat(s)
                                    .startsWith("next-csr was not measured (it did not start): next-csr: ")
                                    .contains("target.json not found"));
        }
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("next-ssr was not measured")
                .doesNotContain("standard_secret");
    }

    @Test
    void an_app_that_exits_at_start_is_skipped_with_its_log_tail_and_the_other_one_still_starts() throws Exception {
        // A stand-in for `next start` that fails the way a misconfigured app does (one line on stderr, exit 2), and one
        // that serves its ready URL: both real processes.
        app(
                "ssr",
                TARGET.replace(
                        "[\"node\", \"node_modules/next/dist/bin/next\", \"start\", \"--port\", \"{port}\","
                                + " \"--hostname\", \"{host}\"]",
                        "[\"sh\", \"-c\", \"echo 'next-ssr: APPWRITE_ENDPOINT is not set.' >&2;" + " exit 2\"]"),
                true);
        app(
                "csr",
                TARGET.replace("next-ssr", "next-csr")
                        .replace(
                                "[\"node\", \"node_modules/next/dist/bin/next\","
                                        + " \"start\", \"--port\", \"{port}\", \"--hostname\", \"{host}\"]",
                                "[\"python3\", \"-m\"," + " \"http.server\", \"{port}\", \"--bind\", \"{host}\"]")
                        .replace("/login", "/"),
                true);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunningServers servers = new RunningServers(
                URI.create("http://127.0.0.1:9/v1"),
                URI.create("http://127.0.0.1:8"),
                URI.create("http://127.0.0.1:7"),
                "authbench",
                "standard_secret",
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty());

        try (NextStack stack = NextStack.launch(
                nextjs, servers, nextjs.resolve("logs"), new PrintStream(progress, true, StandardCharsets.UTF_8))) {
            assertThat(stack.skipped())
                    .singleElement()
                    .satisfies(s -> assertThat(s)
                            .startsWith("next-ssr was not measured (it did not start): next-ssr exited with")
                            .contains("next-ssr: APPWRITE_ENDPOINT is not set.")
                            .doesNotContain("standard_secret"));
            assertThat(stack.running()).singleElement().satisfies(app -> {
                assertThat(app.variant()).isEqualTo("next-csr");
                assertThat(app.pid()).isPresent();
                assertThat(app.browserOrigin())
                        .isEqualTo("http://localhost:" + app.url().getPort());
            });
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .isEmpty();
    }

    @Test
    void the_script_chunks_of_a_next_page_are_found_in_order_once_each() {
        String html = "<html><head><link rel=\"preload\" as=\"script\" href=\"/_next/static/chunks/a.js\"/>"
                + "<script src=\"/_next/static/chunks/a.js\" async=\"\" nonce=\"n\"></script>"
                + "<script nonce=\"n\" src=\"/_next/static/chunks/app/page-1.js\" async=\"\"></script>"
                + "<script src=\"/_next/static/chunks/a.js\"></script><script>inline()</script>"
                + "<script src=\"https://cdn.example/x.js\"></script></head></html>";

        assertThat(NextCsrPage.scripts(html))
                .containsExactly("/_next/static/chunks/a.js", "/_next/static/chunks/app/page-1.js");
    }
}
