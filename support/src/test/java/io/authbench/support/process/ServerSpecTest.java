package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSpecTest {
    private static final String JAVA = JavaExecutable.current().toString();

    @Test
    void java_jar_runs_the_current_jvm_with_options_before_the_jar_and_arguments_after() {
        ServerSpec spec = ServerSpec.javaJar(
                "ssr-app", List.of("-Xmx256m"), Path.of("target/ssr-app.jar"), List.of("--port", "0"));

        assertThat(spec.command())
                .containsExactly(
                        JAVA,
                        "-Xmx256m",
                        "-jar",
                        Path.of("target/ssr-app.jar").toAbsolutePath().toString(),
                        "--port",
                        "0");
        assertThat(Path.of(spec.command().get(0))).isExecutable();
        assertThat(spec.startTimeout()).isEqualTo(ServerSpec.DEFAULT_START_TIMEOUT);
    }

    @Test
    void java_main_puts_the_classpath_before_the_main_class() {
        ServerSpec spec = ServerSpec.javaMain(
                "emulator", "a.jar:b.jar", "io.authbench.emulator.EmulatorMain", List.of("--port", "0"));

        assertThat(spec.command())
                .containsExactly(JAVA, "-cp", "a.jar:b.jar", "io.authbench.emulator.EmulatorMain", "--port", "0");
    }

    @Test
    void copies_change_one_thing_and_environment_additions_merge() {
        ServerSpec spec = ServerSpec.of("x", List.of("/bin/true"))
                .withEnvironment(Map.of("A", "1", "B", "2"))
                .withEnvironment(Map.of("B", "3"))
                .withStartTimeout(Duration.ofSeconds(5));

        assertThat(spec.environment()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "3"));
        assertThat(spec.startTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.command()).containsExactly("/bin/true");
    }

    @Test
    void to_string_shows_environment_names_but_never_values() {
        ServerSpec spec =
                ServerSpec.of("ssr-app", List.of("/bin/true")).withEnvironment(Map.of("APPWRITE_API_KEY", "sk_123"));

        assertThat(spec.toString()).contains("APPWRITE_API_KEY").doesNotContain("sk_123");
    }

    @Test
    void name_that_is_not_a_safe_file_name_is_rejected_with_the_rule() {
        assertThatThrownBy(() -> ServerSpec.of("../ssr app", List.of("/bin/true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Server name '../ssr app' is not usable as a log file name: use letters, digits, '.', '_' or '-'.");
    }

    @Test
    void empty_command_and_non_positive_timeout_are_rejected() {
        assertThatThrownBy(() -> ServerSpec.of("x", List.of())).hasMessageContaining("empty command");
        assertThatThrownBy(() -> ServerSpec.of("x", List.of("/bin/true")).withStartTimeout(Duration.ZERO))
                .hasMessageContaining("start timeout must be positive");
    }
}
