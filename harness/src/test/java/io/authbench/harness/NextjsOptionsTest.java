package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.apptarget.TargetFiles;
import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.nextjs.NextjsFolders;
import io.authbench.harness.plan.Variant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --nextjs} and {@code --nextjs-dir}: parsing and the usage errors (exit 2, one line, nothing started). */
class NextjsOptionsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<HarnessOptions> received = new ArrayList<>();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--emulator-jar=", "--ssr-jar=", "--csr-jar="));
        all.addAll(List.of(args));
        return HarnessMain.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), options -> {
            received.add(options);
            return 0;
        });
    }

    @Test
    void without_nextjs_a_run_measures_two_variants_and_the_maven_form_false_means_off() {
        assertThat(run()).as(err.toString()).isZero();
        assertThat(run("--nextjs=false")).as(err.toString()).isZero();

        assertThat(received).allSatisfy(options -> {
            assertThat(options.nextjs()).isNull();
            assertThat(options.pairedVariants()).containsExactly(Variant.SSR, Variant.CSR);
        });
    }

    @Test
    void nextjs_with_apps_not_built_is_a_usage_error_naming_the_fix_before_anything_starts() throws Exception {
        Path folder = NextjsFolders.unbuilt(dir.resolve("nextjs"));

        assertThat(run("--nextjs", "--nextjs-dir=" + folder)).isEqualTo(2);

        assertThat(err.toString())
                .contains("--nextjs measures the Next.js apps in " + folder.toAbsolutePath())
                .contains("nextjs/ssr has no node_modules")
                .contains("-Dbench.nextjs=true")
                .contains("node nextjs/build-apps.mjs");
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(received).isEmpty();
    }

    @Test
    void nextjs_with_target_files_is_a_usage_error_that_says_why() {
        String ssr = TargetFiles.bundled("bundled-ssr.json").toString();

        assertThat(run("--nextjs=true", "--target=" + ssr)).isEqualTo(2);

        assertThat(err.toString())
                .contains("--nextjs and --target both choose the apps under test")
                .contains("--target replaces the bundled apps with yours; give one of them");
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(received).isEmpty();
    }

    @Test
    void nextjs_dir_alone_and_a_bad_boolean_are_usage_errors() {
        assertThat(run("--nextjs-dir=" + dir)).isEqualTo(2);
        assertThat(err.toString())
                .contains("--nextjs-dir: it says where the Next.js apps are for --nextjs; add --nextjs");

        assertThat(run("--nextjs=yes")).isEqualTo(2);
        assertThat(err.toString()).contains("--nextjs: 'yes' is not true or false.");
        assertThat(received).isEmpty();
    }
}
