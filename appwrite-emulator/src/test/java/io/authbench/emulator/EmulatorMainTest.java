package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help, one-line usage errors with exit code 2, the readiness line, and where the key comes from. */
class EmulatorMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private EmulatorMain main(Map<String, String> env) {
        return new EmulatorMain(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_lists_every_flag_with_its_default() {
        int code = main(Map.of()).run("--help");

        assertThat(code).isZero();
        assertThat(out())
                .contains(
                        "--port",
                        "(default: 0)",
                        "--host",
                        "127.0.0.1",
                        "--project",
                        "authbench",
                        "--api-key-file",
                        "--api-key-scopes",
                        "users.read,users.write,sessions.write",
                        "--platform",
                        "--password-hash",
                        "(default: appwrite)",
                        "--rate-limits",
                        "(default: on)",
                        "--request-log",
                        "--session-duration",
                        "(default: 365d)",
                        "--max-body-bytes",
                        "(default: 65536)");
    }

    @Test
    void bad_flags_and_values_give_one_line_naming_them_and_exit_code_2() {
        String[][] cases = {
            {"--port", "abc"},
            {"--port", "70000"},
            {"--bogus"},
            {"--password-hash", "md5"},
            {"--rate-limits", "maybe"},
            {"--session-duration", "forever"},
            {"--max-body-bytes", "10"},
            {"--project", "console"},
            {"--project", "-bad"},
            {"--platform", "http://x.com"},
            {"--api-key-expires-at", "tomorrow"},
            {"--api-key-file", "/no/such/file"},
        };
        for (String[] args : cases) {
            out.reset();
            err.reset();

            int code = main(Map.of()).run(args);

            assertThat(code).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(err())
                    .startsWith("appwrite-emulator: ")
                    .contains(args[0])
                    .contains("Run with --help");
            assertThat(out()).isEmpty();
        }
    }

    @Test
    void an_empty_key_file_is_a_usage_error(@TempDir Path dir) throws IOException {
        Path key = Files.writeString(dir.resolve("key"), "\n");

        assertThat(main(Map.of()).run("--api-key-file", key.toString())).isEqualTo(2);
        assertThat(err()).contains("--api-key-file").contains("empty");
    }

    @Test
    void start_prints_the_readiness_line_first_and_reads_the_key_from_a_file(@TempDir Path dir) throws IOException {
        Path key = Files.writeString(dir.resolve("key"), TestEmulator.API_KEY + "\nignored second line\n");
        EmulatorMain main = main(Map.of());

        int code = main.run("--api-key-file", key.toString(), "--password-hash", "fast");
        try {
            assertThat(code).isZero();
            assertThat(out().lines().findFirst().orElseThrow()).matches("LISTENING http://127\\.0\\.0\\.1:\\d+/v1");
            assertThat(err()).doesNotContain(TestEmulator.API_KEY).doesNotContain("no API key");
            Http http = new Http(main.server().baseUrl());
            assertThat(http.request("GET", "/users/nobody").key().send().type()).isEqualTo("user_not_found");
        } finally {
            main.server().close();
        }
    }

    @Test
    void the_key_can_come_from_the_environment() {
        EmulatorMain main = main(Map.of(EmulatorMain.API_KEY_ENV, TestEmulator.API_KEY));

        assertThat(main.run("--password-hash", "fast")).isZero();
        try {
            Http http = new Http(main.server().baseUrl());
            assertThat(http.request("GET", "/users/nobody").key().send().type()).isEqualTo("user_not_found");
        } finally {
            main.server().close();
        }
    }

    @Test
    void without_a_key_it_says_so_and_key_calls_are_unauthorized() {
        EmulatorMain main = main(Map.of());

        assertThat(main.run()).isZero();
        try {
            assertThat(err()).contains("no API key configured").contains("user_unauthorized");
            Http http = new Http(main.server().baseUrl());
            assertThat(http.request("GET", "/users/nobody").key().send().type()).isEqualTo("user_unauthorized");
        } finally {
            main.server().close();
        }
    }

    @Test
    void a_taken_port_gives_one_line_and_exit_code_1() {
        try (TestEmulator running = TestEmulator.start()) {
            String port = running.baseUrl().replaceAll(".*:(\\d+)/v1", "$1");

            int code = main(Map.of()).run("--port", port);

            assertThat(code).isEqualTo(1);
            assertThat(err().lines()).hasSize(1);
            assertThat(err()).contains("cannot listen on 127.0.0.1:" + port).contains("--port");
        }
    }
}
