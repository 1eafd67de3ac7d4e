package io.authbench.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --appwrite-*} options: what is accepted, and one message with the fix for everything else. */
class BackendOptionsTest {
    private static final String KEY = "standard_0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void without_an_endpoint_the_emulator_is_used() throws Exception {
        assertThat(BackendOptions.resolve("", "", "", name -> KEY)).isNull();
        assertThat(BackendOptions.resolve(null, null, null, name -> null)).isNull();
    }

    @Test
    void an_endpoint_with_project_and_key_file_is_taken_and_its_key_never_printed() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), KEY + "\nsecond line ignored\n");

        ExternalAppwrite backend = BackendOptions.resolve(
                "https://cloud.appwrite.io/v1/", "my-project_1", keyFile.toString(), name -> "standard_from_env");

        assertThat(backend.endpoint()).hasToString("https://cloud.appwrite.io/v1");
        assertThat(backend.projectId()).isEqualTo("my-project_1");
        assertThat(backend.apiKey()).as("the file wins over the environment").isEqualTo(KEY);
        assertThat(backend.port()).isEqualTo(443);
        assertThat(backend.tls()).isTrue();
        assertThat(backend.toString()).doesNotContain(KEY);
        assertThat(backend.label()).isEqualTo("https://cloud.appwrite.io/v1");
    }

    @Test
    void the_key_may_come_from_the_environment() throws Exception {
        Map<String, String> env = Map.of(BackendOptions.KEY_ENV, " " + KEY + " ");

        ExternalAppwrite backend = BackendOptions.resolve("http://appwrite.lan:8080/v1", "p1", "", env::get);

        assertThat(backend.apiKey()).isEqualTo(KEY);
        assertThat(backend.port()).isEqualTo(8080);
        assertThat(backend.tls()).isFalse();
    }

    @Test
    void each_bad_value_gets_one_message_with_the_fix() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), KEY);
        Path emptyKey = Files.writeString(dir.resolve("empty"), "\n");
        String file = keyFile.toString();
        assertBad("ftp://x/v1", "p", file, "is not an http:// or https:// URL");
        assertBad("not a url", "p", file, "is not a URL");
        assertBad("https://cloud.appwrite.io", "p", file, "does not end with /v1");
        assertBad("https://admin:hunter2@cloud.appwrite.io/v1", "p", file, "carries credentials");
        assertBad("https://cloud.appwrite.io/v1?key=" + KEY, "p", file, "remove the query");
        assertBad("https://cloud.appwrite.io/v1", "", file, "--appwrite-project: required");
        assertBad("https://cloud.appwrite.io/v1", "-bad", file, "is not an Appwrite project ID");
        assertBad(
                "https://cloud.appwrite.io/v1",
                "p",
                dir.resolve("missing").toString(),
                "--appwrite-key-file: no file at");
        assertBad("https://cloud.appwrite.io/v1", "p", emptyKey.toString(), "is empty");
        assertBad("https://cloud.appwrite.io/v1", "p", "", "needs an API key");
        assertBad("", "p", "", "--appwrite-project: only used with --appwrite-endpoint");
        assertBad("", "", file, "--appwrite-key-file: only used with --appwrite-endpoint");
    }

    private static void assertBad(String endpoint, String project, String keyFile, String expected) {
        assertThatThrownBy(() -> BackendOptions.resolve(endpoint, project, keyFile, name -> null))
                .isInstanceOf(BackendOptions.BadOption.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(KEY)
                        .doesNotContain("hunter2")
                        .doesNotContain("\n"));
    }

    @Test
    void on_the_command_line_a_bad_option_and_a_failed_preflight_both_exit_with_2_and_one_message() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), KEY);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int bad = HarnessMain.run(
                new String[] {
                    "run",
                    "--appwrite-endpoint=https://cloud.appwrite.io",
                    "--appwrite-project=p",
                    "--appwrite-key-file=" + keyFile,
                    "--ssr-jar=" + ServerJars.ssr(),
                    "--csr-jar=" + ServerJars.csr(),
                    "--emulator-jar=" + ServerJars.emulator()
                },
                new PrintWriter(out),
                new PrintWriter(err));
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1).first().asString().contains("does not end with /v1");

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StringWriter err2 = new StringWriter();
        Path runFolder = dir.resolve("run");
        int failed = HarnessMain.run(
                new String[] {
                    "run",
                    "--flows=login",
                    "--profiles=loopback",
                    "--out=" + runFolder,
                    "--appwrite-endpoint=http://127.0.0.1:" + port + "/v1",
                    "--appwrite-project=authbench",
                    "--appwrite-key-file=" + keyFile,
                    "--ssr-jar=" + ServerJars.ssr(),
                    "--csr-jar=" + ServerJars.csr(),
                    "--emulator-jar=" + ServerJars.emulator()
                },
                new PrintWriter(out),
                new PrintWriter(err2));

        assertThat(failed).isEqualTo(2);
        assertThat(err2.toString().strip().lines())
                .hasSize(1)
                .first()
                .asString()
                .contains("Appwrite preflight failed, nothing was measured", "refused", "Fix:");
        assertThat(out.toString() + err + err2).doesNotContain(KEY);
        assertThat(runFolder).as("nothing was started or written").doesNotExist();
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }
}
