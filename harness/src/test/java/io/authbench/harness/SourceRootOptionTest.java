package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.cli.HarnessOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --source-root}: where the code-size proxy finds the apps' sources when the harness runs from a jar. */
class SourceRootOptionTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final List<HarnessOptions> received = new ArrayList<>();

    private int run(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--emulator-jar=" + touch("e.jar"),
                "--ssr-jar=" + touch("s.jar"),
                "--csr-jar=" + touch("c.jar")));
        args.addAll(List.of(extra));
        return HarnessMain.run(
                args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err), options -> {
                    received.add(options);
                    return 0;
                });
    }

    private Path touch(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? file : Files.createFile(file);
    }

    @Test
    void a_folder_holding_both_apps_is_the_source_root() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("ssr-app"));
        Files.createDirectories(repo.resolve("csr-app"));

        assertThat(run("--source-root=" + repo)).isZero();
        assertThat(received.get(0).sourceRoot()).isEqualTo(repo.toAbsolutePath().normalize());
    }

    @Test
    void a_source_root_without_the_apps_is_a_usage_error_naming_the_fix() throws IOException {
        assertThat(run("--source-root=" + dir)).isEqualTo(2);
        assertThat(err.toString())
                .contains("--source-root")
                .contains("has no ssr-app/ and csr-app/")
                .contains("repository root")
                .doesNotContain("Exception");
    }

    @Test
    void without_the_option_the_working_directory_is_used_only_if_it_holds_the_apps() throws IOException {
        // Maven runs the tests in harness/, which holds neither app: code size is then not measured.
        assertThat(run()).isZero();
        assertThat(received.get(0).sourceRoot()).isNull();
    }
}
