package io.authbench.serverbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBenchMainTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ServerBenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
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
        assertThat(errText()).startsWith("server-bench: Unknown option: '--fast'").endsWith("Run with --help for usage.\n");
        assertThat(errText().lines()).hasSize(1);
    }

    @Test
    void a_missing_server_jar_names_the_file_and_how_to_build_it_with_exit_1() {
        Path missing = folder.resolve("nope.jar");

        assertThat(run("--emulator-jar", missing.toString(), "--out", folder.toString())).isEqualTo(1);
        assertThat(errText()).isEqualTo("server-bench: appwrite-emulator jar not found at " + missing
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
    void quick_and_full_pick_their_settings_and_full_wins() {
        ServerBenchMain quick = new ServerBenchMain(System.out);
        quick.quick = true;
        assertThat(quick.settings().name()).isEqualTo("quick");
        assertThat(quick.settings().ladder().stepDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(quick.settings().jmh().modes()).containsExactly(org.openjdk.jmh.annotations.Mode.SampleTime);
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
