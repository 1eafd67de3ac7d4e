package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.apptarget.TargetFiles;
import io.authbench.harness.cli.HarnessOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --target} and {@code --target-base-url}: parsing, the rules around them, exit 2 with one line. */
class TargetOptionsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<HarnessOptions> received = new ArrayList<>();
    private String keyFile;
    private final String ssr = TargetFiles.bundled("bundled-ssr.json").toString();
    private final String csr = TargetFiles.bundled("bundled-csr.json").toString();

    @BeforeEach
    void key() throws IOException {
        keyFile = Files.writeString(dir.resolve("key"), "standard_" + "ab".repeat(128) + "\n")
                .toString();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--emulator-jar=", "--ssr-jar=", "--csr-jar="));
        all.addAll(List.of(args));
        return runWithoutJars(all.toArray(String[]::new));
    }

    private int runWithoutJars(String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        return HarnessMain.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), options -> {
            received.add(options);
            return 0;
        });
    }

    private List<String> backend() {
        return List.of(
                "--appwrite-endpoint=http://127.0.0.1:9/v1",
                "--appwrite-project=authbench",
                "--appwrite-key-file=" + keyFile);
    }

    private String[] args(String... extra) {
        List<String> all = new ArrayList<>(backend());
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    @Test
    void two_target_files_with_an_override_need_no_jars_and_default_to_loopback() {
        assertThat(run(args("--target=" + ssr, "--target", csr, "--target-base-url=bundled-ssr=http://localhost:4001")))
                .isZero();

        HarnessOptions options = received.get(0);
        assertThat(options.targetMode()).isTrue();
        assertThat(options.targets().ssr().baseUrl()).isEqualTo("http://localhost:4001");
        assertThat(options.targets().csr().baseUrl()).isEqualTo("http://localhost:3002");
        assertThat(options.profileNames()).containsExactly("loopback");
    }

    @Test
    void the_maven_form_is_comma_separated_and_empty_values_mean_none() throws IOException {
        assertThat(run(args(
                        "--target=" + ssr + "," + csr,
                        "--target-base-url=bundled-ssr=http://a:1,bundled-csr=http://b:2",
                        "--quick=true")))
                .isZero();
        assertThat(received.get(0).targets().csr().baseUrl()).isEqualTo("http://b:2");
        assertThat(received.get(0).profileNames())
                .as("quick mode's default profiles shape links")
                .containsExactly("loopback");

        Path jar = Files.createFile(dir.resolve("any.jar"));
        assertThat(runWithoutJars(
                        "--target=",
                        "--target-base-url=",
                        "--ssr-jar=" + jar,
                        "--csr-jar=" + jar,
                        "--emulator-jar=" + jar))
                .as(err.toString())
                .isZero();
        assertThat(received.get(1).targetMode()).isFalse();
    }

    @Test
    void targets_without_an_external_appwrite_are_a_usage_error_that_says_why() {
        assertThat(run("--target=" + ssr, "--target=" + csr)).isEqualTo(2);
        assertThat(err.toString())
                .contains("--target: these target apps run on their own (no \"start\" in their files) and"
                        + " sign in with an Appwrite of their own, which the harness needs too")
                .contains("give it with --appwrite-endpoint, --appwrite-project and --appwrite-key-file");
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(received).isEmpty();
    }

    @Test
    void one_target_or_two_of_a_kind_is_a_usage_error() {
        assertThat(run(args("--target=" + ssr))).isEqualTo(2);
        assertThat(err.toString())
                .contains("--target: give exactly one SSR and one CSR target file (got " + ssr + " (ssr))");
    }

    @Test
    void a_profile_that_shapes_links_is_refused_with_the_reason() {
        assertThat(run(args("--target=" + ssr, "--target=" + csr, "--profiles=loopback,slow-4g")))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--profiles: profile 'slow-4g' shapes the browser→app, browser→Appwrite,"
                        + " app→Appwrite link(s), but these targets run on their own (no \"start\" in their files): the harness starts"
                        + " neither the apps nor Appwrite");
        assertThat(received).isEmpty();
    }

    @Test
    void a_profiles_file_profile_with_only_a_cpu_slowdown_is_accepted() throws IOException {
        Path profiles = Files.writeString(dir.resolve("profiles.json"), """
                {"profiles": [{"name": "slow-cpu", "description": "loopback links, 4x slower CPU",
                  "browserApp": {"rttMs": 0, "downMbps": 0, "upMbps": 0},
                  "browserAppwrite": {"rttMs": 0, "downMbps": 0, "upMbps": 0},
                  "appAppwrite": {"rttMs": 0, "downMbps": 0, "upMbps": 0}, "cpuSlowdown": 4}]}
                """);
        assertThat(run(args(
                        "--target=" + ssr, "--target=" + csr, "--profiles-file=" + profiles, "--profiles=slow-cpu")))
                .as(err.toString())
                .isZero();
    }

    @Test
    void an_override_without_targets_and_a_bad_target_file_are_usage_errors() throws IOException {
        assertThat(run(args("--target-base-url=bundled-ssr=http://localhost:1")))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--target-base-url: it overrides a target file's baseUrl; give the target files"
                        + " with --target too.");
        Path bad = Files.writeString(
                dir.resolve("bad.json"), Files.readString(Path.of(csr)).replace("\"csr\"", "\"spa\""));
        assertThat(run(args("--target=" + ssr, "--target=" + bad))).isEqualTo(2);
        assertThat(err.toString())
                .contains("target file " + bad + ": field \"pattern\" 'spa' is not a pattern; use \"ssr\""
                        + " or \"csr\".");
    }
}
