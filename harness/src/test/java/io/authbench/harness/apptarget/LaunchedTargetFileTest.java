package io.authbench.harness.apptarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target files with {@code start} and {@code ports}: reading, placeholders, and every mistake's message. */
class LaunchedTargetFileTest {
    @TempDir
    Path dir;

    static String file(String pattern, String name, String start, String extra) {
        return """
                {
                  "name": "%s",
                  "pattern": "%s",
                  "routes": { "login": "/signin", "dashboard": "/home", "profile": "/me" },
                  "selectors": { "email": "#email", "password": "#password", "submit": "#go", "userName": "h1",
                                 "profileName": "h2", "profileLink": "a.me", "logout": "#out", "loginHeading": "h2" },
                  "start": %s%s
                }
                """.formatted(name, pattern, start, extra);
    }

    private static final String START = """
            {
              "command": ["node", "node_modules/next/dist/bin/next", "start", "--port", "{port}", "--hostname", "{host}"],
              "directory": "app",
              "environment": { "APPWRITE_ENDPOINT": "{appwriteEndpoint}", "APPWRITE_BROWSER_ENDPOINT": "{appwriteBrowserEndpoint}",
                               "APPWRITE_PROJECT": "{projectId}", "MIXED": "x-{port}-y" },
              "apiKeyEnvironment": "APPWRITE_API_KEY",
              "ready": { "url": "/login" },
              "startTimeoutSeconds": 90
            }""";

    private TargetSpec parse(String text) {
        return TargetFile.parseSpec(text, "next.json", dir);
    }

    @Test
    void a_start_object_is_read_and_its_placeholders_are_filled_per_profile() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        TargetSpec spec =
                parse(file("ssr", "next-ssr", START, ",\n\"ports\": { \"app\": 3100, \"appwriteForBrowser\": 3101 }"));

        assertThat(spec.launched()).isTrue();
        StartCommand start = spec.start();
        assertThat(start.directory()).isEqualTo(dir.resolve("app").toAbsolutePath());
        assertThat(start.readyPath()).isEqualTo("/login");
        assertThat(start.readyLogLine()).isNull();
        assertThat(start.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.ports()).isEqualTo(new PinnedPorts(3100, 3101));

        Map<String, String> values = StartCommand.values(
                4321, "127.0.0.1", "http://localhost:5001/v1", "http://localhost:5002/v1", "authbench");
        assertThat(start.command(values))
                .containsExactly(
                        "node",
                        "node_modules/next/dist/bin/next",
                        "start",
                        "--port",
                        "4321",
                        "--hostname",
                        "127.0.0.1");
        Map<String, String> env = start.environment(values, "standard_secret");
        assertThat(env)
                .containsEntry("APPWRITE_ENDPOINT", "http://localhost:5001/v1")
                .containsEntry("APPWRITE_BROWSER_ENDPOINT", "http://localhost:5002/v1")
                .containsEntry("APPWRITE_PROJECT", "authbench")
                .containsEntry("MIXED", "x-4321-y")
                .containsEntry("APPWRITE_API_KEY", "standard_secret");
        // The key is only ever in the environment: never on the command line.
        assertThat(start.command(values)).noneMatch(part -> part.contains("standard_secret"));
    }

    @Test
    void with_start_the_base_url_may_be_left_out_and_readiness_defaults_to_the_login_route() {
        TargetSpec spec = parse(file("csr", "next-csr", "{ \"command\": [\"node\", \"server.js\"] }", ""));

        assertThat(spec.start().readyPath()).isEqualTo("/signin");
        assertThat(spec.start().directory()).isEqualTo(dir.toAbsolutePath());
        assertThat(spec.start().apiKeyEnvironment()).isNull();
        assertThat(spec.start().environment(Map.of(), "key")).isEmpty();
        assertThat(spec.ports()).isEqualTo(PinnedPorts.NONE);
    }

    @Test
    void a_log_line_readiness_is_a_regular_expression() {
        TargetSpec spec = parse(file(
                "ssr",
                "a",
                "{ \"command\": [\"node\", \"s.js\"], \"ready\": { \"logLine\": \"Ready in \\\\d+\" } }",
                ""));

        assertThat(spec.start().readyPath()).isNull();
        assertThat(spec.start().readyLogLine().matcher(" ✓ Ready in 312ms").find())
                .isTrue();
    }

    @Test
    void every_mistake_in_start_or_ports_is_one_message_naming_the_field_and_the_fix() {
        String node = "\"command\": [\"node\", \"s.js\"]";
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put(
                "{ \"command\": [\"node\", \"--port={prot}\"] }",
                List.of(
                        "field \"start.command[1]\" uses the unknown placeholder {prot}",
                        "use one of {port}, {host}," + " {appwriteEndpoint}, {appwriteBrowserEndpoint}, {projectId}"));
        cases.put(
                "{ " + node + ", \"environment\": { \"KEY\": \"{apiKey}\" } }",
                List.of(
                        "field \"start.environment.KEY\" uses the unknown placeholder {apiKey}",
                        "the API key is never a placeholder",
                        "start.apiKeyEnvironment"));
        cases.put("{ \"command\": [] }", List.of("field \"start.command\" is not a non-empty list of strings"));
        cases.put(
                "{ " + node + ", \"ready\": { \"url\": \"/a\", \"logLine\": \"x\" } }",
                List.of("field \"start.ready\" is not {\"url\": ...} or {\"logLine\": ...}"));
        cases.put(
                "{ " + node + ", \"ready\": { \"logLine\": \"(\" } }",
                List.of("field \"start.ready.logLine\" is not a regular expression"));
        cases.put(
                "{ " + node + ", \"ready\": { \"url\": \"login\" } }",
                List.of("field \"start.ready.url\" 'login' is not a path"));
        cases.put(
                "{ " + node + ", \"directory\": \"missing\" }",
                List.of("field \"start.directory\" 'missing' is not a folder"));
        cases.put(
                "{ " + node + ", \"startTimeoutSeconds\": 0 }",
                List.of("field \"start.startTimeoutSeconds\" '0' is not"));
        cases.put(
                "{ " + node + ", \"apiKeyEnvironment\": \"API KEY\" }",
                List.of("field \"start.apiKeyEnvironment\" 'API KEY' is not an environment variable name"));
        cases.put(
                "{ " + node + ", \"apiKeyEnvironment\": \"K\", \"environment\": { \"K\": \"x\" } }",
                List.of("field \"start.environment.K\" is also start.apiKeyEnvironment"));
        cases.put(
                "{ " + node + ", \"cmd\": 1 }",
                List.of("field \"start.cmd\" is not a known field", "command, directory"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            assertThatThrownBy(() -> parse(file("ssr", "a", c.getKey(), "")))
                    .as(c.getKey())
                    .isInstanceOf(TargetFileException.class)
                    .hasMessageStartingWith("target file next.json: ")
                    .satisfies(e -> assertThat(e.getMessage()).contains(c.getValue()));
        }
        assertThatThrownBy(() -> parse(file("ssr", "a", "{ " + node + " }", ", \"ports\": { \"app\": 80 }")))
                .hasMessageContaining("field \"ports.app\" '80' is not a port from 1024 to 65535");
        assertThatThrownBy(() -> parse(file(
                        "ssr",
                        "a",
                        "{ " + node + " }",
                        ", \"ports\": { \"app\": 3100, \"appwriteForBrowser\": 3100 }")))
                .hasMessageContaining("field \"ports\" pins the same port for the app and Appwrite");
        assertThatThrownBy(() -> parse(file("ssr", "a", "{ " + node + " }", ", \"serverPid\": 42")))
                .hasMessageContaining("field \"serverPid\" is for an app that runs on its own");
        String external =
                TargetFileTestFiles.external("ssr", "b").replace("}\n}", "},\n\"ports\": { \"app\": 3100 }\n}");
        assertThatThrownBy(() -> TargetFile.parseSpec(external, "b.json", dir))
                .hasMessageContaining(
                        "field \"ports\" pins the ports of links the harness puts in front of an app it starts");
    }

    @Test
    void launched_and_running_targets_do_not_mix_and_one_launched_file_pairs_with_the_bundled_app() throws Exception {
        Path launched =
                Files.writeString(dir.resolve("l.json"), file("ssr", "l", "{ \"command\": [\"node\", \"s.js\"] }", ""));
        Path external = Files.writeString(dir.resolve("e.json"), TargetFileTestFiles.external("csr", "e"));

        assertThatThrownBy(() -> Targets.resolve(List.of(launched, external), List.of()))
                .isInstanceOf(TargetFileException.class)
                .hasMessageContaining("not both in one run; add \"start\" to every file, or remove it from every file");

        Targets one = Targets.resolve(List.of(launched), List.of());
        assertThat(one.launched()).isTrue();
        assertThat(one.ssr().name()).isEqualTo("l");
        assertThat(one.csr()).as("the CSR side is the bundled app").isNull();
        assertThat(one.configSettings())
                .containsEntry("target.csr.name", "bundled-csr")
                .containsKey("target.ssr.start")
                .doesNotContainKey("network")
                .doesNotContainKey("target.ssr.baseUrl");
        assertThat(one.configSettings().get("target.ssr.start"))
                .contains("node s.js")
                .doesNotContain("standard_");

        assertThatThrownBy(() -> Targets.resolve(List.of(launched), List.of("l=http://localhost:1")))
                .hasMessageContaining("the harness starts 'l' itself");
        assertThatThrownBy(() -> Targets.resolve(List.of(external), List.of()))
                .hasMessageContaining("give exactly one SSR and one CSR target file");

        Path pinA = Files.writeString(
                dir.resolve("pa.json"),
                file(
                        "ssr",
                        "pa",
                        "{ \"command\": [\"node\", \"s.js\"] }",
                        ", \"ports\": { \"appwriteForBrowser\": 3101 }"));
        Path pinB = Files.writeString(
                dir.resolve("pb.json"),
                file(
                        "csr",
                        "pb",
                        "{ \"command\": [\"node\", \"s.js\"] }",
                        ", \"ports\": { \"appwriteForBrowser\": 3102 }"));
        assertThatThrownBy(() -> Targets.resolve(List.of(pinA, pinB), List.of()))
                .hasMessageContaining("pin the same port in both files, or in one only");
    }
}
