package io.authbench.serverbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;

class ServerBenchMainTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ServerBenchMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_lists_the_flags_and_exits_0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--emulator-jar", "--quick", "--jmh-full", "--out");
    }

    @Test
    void an_unknown_flag_is_one_line_naming_it_and_exit_2() {
        assertThat(run("--fast")).isEqualTo(2);
        assertThat(errText())
                .startsWith("server-bench: Unknown option: '--fast'")
                .endsWith("Run with --help for usage.\n");
        assertThat(errText().lines()).hasSize(1);
    }

    @Test
    void a_missing_server_jar_names_the_file_and_how_to_build_it_with_exit_1() {
        Path missing = folder.resolve("nope.jar");

        assertThat(run("--emulator-jar", missing.toString(), "--out", folder.toString()))
                .isEqualTo(1);
        assertThat(errText())
                .isEqualTo(
                        "server-bench: appwrite-emulator jar not found at " + missing
                                + ". Build it with `mvn -q -B -pl appwrite-emulator package -DskipTests` or point --emulator-jar at it.\n");
    }

    @Test
    void ladder_rates_that_do_not_climb_are_a_usage_error() {
        assertThat(run("--rates", "100,50", "--out", folder.toString())).isEqualTo(2);
        assertThat(errText()).contains("Ladder rates must climb, got [100.0, 50.0].");
    }

    @Test
    void a_bad_step_duration_is_named() {
        assertThat(run("--step", "soon", "--out", folder.toString())).isEqualTo(2);
        assertThat(errText()).contains("--step: 'soon' is not a duration; write e.g. 10s, 500ms or PT10S.");
    }

    @Test
    void nextjs_dir_that_is_not_a_folder_is_a_usage_error_naming_it() {
        Path missing = folder.resolve("no-such-nextjs");

        assertThat(run("--nextjs-dir", missing.toString(), "--out", folder.toString()))
                .isEqualTo(2);
        assertThat(errText())
                .isEqualTo("server-bench: --nextjs-dir: " + missing + " is not a folder; give the project's"
                        + " nextjs folder, e.g. --nextjs-dir nextjs. Run with --help for usage.\n");
    }

    @Test
    void nextjs_dir_without_the_apps_target_files_is_a_usage_error_naming_the_missing_one() throws Exception {
        Files.createDirectories(folder.resolve("nextjs/ssr"));
        Files.writeString(folder.resolve("nextjs/ssr/target.json"), "{}");

        assertThat(run("--nextjs-dir", folder.resolve("nextjs").toString(), "--out", folder.toString()))
                .isEqualTo(2);
        assertThat(errText())
                .isEqualTo("server-bench: --nextjs-dir: " + folder.resolve("nextjs") + " has no"
                        + " csr/target.json; give the project's nextjs folder (it holds ssr/ and csr/), e.g. --nextjs-dir nextjs."
                        + " Run with --help for usage.\n");
    }

    @Test
    void nextjs_dir_turns_the_nextjs_variants_on_and_its_absence_leaves_them_off() throws Exception {
        for (String app : List.of("ssr", "csr")) {
            Files.createDirectories(folder.resolve("nextjs").resolve(app));
            Files.writeString(folder.resolve("nextjs").resolve(app).resolve("target.json"), "{}");
        }
        ServerBenchMain with = new ServerBenchMain(System.out);
        with.nextjsDir = folder.resolve("nextjs");
        assertThat(with.settings().nextjsDir())
                .isEqualTo(folder.resolve("nextjs").toAbsolutePath());
        assertThat(with.settings().forResults())
                .containsEntry(
                        "serverBench.variants",
                        "ssr, csr, next-ssr, next-csr (the Next.js apps as next start processes)");

        ServerBenchMain without = new ServerBenchMain(System.out);
        assertThat(without.settings().nextjsDir()).isNull();
        assertThat(without.settings().forResults()).containsEntry("serverBench.variants", "ssr, csr");
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--nextjs-dir");
    }

    @Test
    void quick_and_full_pick_their_settings_and_full_wins() {
        ServerBenchMain quick = new ServerBenchMain(System.out);
        quick.quick = true;
        assertThat(quick.settings().name()).isEqualTo("quick");
        assertThat(quick.settings().ladder().stepDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(quick.settings().jmh().modes()).containsExactly(Mode.SampleTime);
        assertThat(quick.settings().jmh().threads()).containsExactly(1);

        ServerBenchMain standard = new ServerBenchMain(System.out);
        assertThat(standard.settings().name()).isEqualTo("standard");
        assertThat(standard.settings().jmh().modes()).hasSize(2);
        assertThat(standard.settings().jmh().threads()).hasSize(2);

        ServerBenchMain full = new ServerBenchMain(System.out);
        full.quick = true;
        full.jmhFull = true;
        assertThat(full.settings().name()).isEqualTo("full");
        assertThat(full.settings().jmh().forks()).isNull();
    }
}
