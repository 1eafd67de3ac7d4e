package io.authbench.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two target files say what the harness needs, and the same selectors as the bundled apps' targets. */
class TargetFilesTest {
    private static final Map<String, String> VALUES = Map.of(
            "port",
            "4100",
            "host",
            "127.0.0.1",
            "appwriteEndpoint",
            "http://localhost:9000/v1",
            "appwriteBrowserEndpoint",
            "http://localhost:9001/v1",
            "projectId",
            "p1");

    @Test
    void both_apps_use_the_bundled_apps_selectors_and_routes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String app : new String[] {"ssr", "csr"}) {
            TargetJson target = TargetJson.of(app);
            var bundled = json.readTree(TargetJson.nextjsDir()
                    .resolve("../targets/bundled-" + app + ".json")
                    .toFile());
            assertThat(target.json().path("selectors")).isEqualTo(bundled.path("selectors"));
            assertThat(target.json().path("routes")).isEqualTo(bundled.path("routes"));
            assertThat(target.json().path("pattern").asText()).isEqualTo(app);
            assertThat(target.name()).isEqualTo("next-" + app);
            assertThat(target.json().has("baseUrl"))
                    .as("a started target has no baseUrl")
                    .isFalse();
            assertThat(Files.isRegularFile(target.directory().resolve("package.json")))
                    .isTrue();
        }
    }

    @Test
    void the_ssr_target_gets_the_api_key_and_names_its_cookie_and_the_csr_target_gets_neither() {
        TargetJson ssr = TargetJson.of("ssr");
        TargetJson csr = TargetJson.of("csr");

        assertThat(ssr.apiKeyEnvironment()).contains("APPWRITE_API_KEY");
        assertThat(ssr.sessionCookie()).contains("authbench_session");
        assertThat(csr.apiKeyEnvironment())
                .as("the browser app must never hold the key")
                .isEmpty();
        assertThat(csr.sessionCookie()).isEmpty();
    }

    @Test
    void placeholders_fill_the_next_start_command_and_the_environment() {
        TargetJson csr = TargetJson.of("csr");

        assertThat(csr.command(VALUES))
                .containsExactly(
                        "node",
                        "node_modules/next/dist/bin/next",
                        "start",
                        "--port",
                        "4100",
                        "--hostname",
                        "127.0.0.1");
        assertThat(csr.environment(VALUES))
                .containsEntry("APPWRITE_ENDPOINT", "http://localhost:9000/v1")
                .containsEntry("APPWRITE_BROWSER_ENDPOINT", "http://localhost:9001/v1")
                .containsEntry("APPWRITE_PROJECT", "p1");
        assertThat(csr.readyPath()).isEqualTo("/login");
        assertThat(csr.startTimeout().toSeconds()).isEqualTo(60);
    }
}
