package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.cli.Defaults;
import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.cli.ServerPhaseSettings;
import io.authbench.harness.flow.Flow;
import io.authbench.reports.results.BlockDesign;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessMainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<HarnessOptions> received = new ArrayList<>();
    private Path emulatorJar;
    private Path ssrJar;
    private Path csrJar;

    @BeforeEach
    void jars() throws IOException {
        emulatorJar = Files.createFile(dir.resolve("appwrite-emulator.jar"));
        ssrJar = Files.createFile(dir.resolve("ssr-app.jar"));
        csrJar = Files.createFile(dir.resolve("csr-app.jar"));
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.contains("run")) {
            all.addAll(List.of("--emulator-jar=" + emulatorJar, "--ssr-jar=" + ssrJar, "--csr-jar=" + csrJar));
        }
        return HarnessMain.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), options -> {
            received.add(options);
            return 0;
        });
    }

    @Test
    void run_without_options_uses_the_documented_defaults() {
        assertThat(run("run")).isZero();
        HarnessOptions options = received.get(0);
        assertThat(options.quick()).isFalse();
        assertThat(options.flowCodes())
                .containsExactly("login", "revisit", "revisit-cold", "navigate", "guard", "logout", "no-js");
        assertThat(options.profileNames()).containsExactly("loopback", "cable", "slow-4g", "far-backend");
        assertThat(options.blocks())
                .isEqualTo(new BlockDesign(
                        Defaults.PAIRS_PER_BLOCK, Defaults.MIN_BLOCKS, Defaults.MAX_BLOCKS, Defaults.PRECISION));
        // The default is three blocks of four pairs for every timed cell: fixed, not adaptive (Defaults.MAX_BLOCKS).
        assertThat(options.blocks()).isEqualTo(new BlockDesign(4, 3, 3, 0.10));
        assertThat(options.blocks().adaptive()).isFalse();
        assertThat(options.pairs()).isEqualTo(12);
        assertThat(options.warmupPairs()).isEqualTo(1);
        assertThat(options.seed()).isEqualTo(Defaults.SEED);
        assertThat(options.aaFlow()).isEqualTo(Flow.LOGIN);
        assertThat(options.out()).isEqualTo(Path.of("target", "bench"));
        assertThat(options.browser()).isNull();
        assertThat(options.iterationTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.profilesFile()).isNull();
    }

    @Test
    void quick_mode_reduces_profiles_and_pairs_but_keeps_every_flow() {
        assertThat(run("run", "--quick")).isZero();
        HarnessOptions options = received.get(0);
        assertThat(options.quick()).isTrue();
        assertThat(options.profileNames()).containsExactly("loopback", "slow-4g");
        assertThat(options.pairs()).isEqualTo(2);
        assertThat(options.blocks()).as("one block of fixed pairs").isEqualTo(BlockDesign.fixed(2));
        assertThat(options.warmupPairs()).as("no warm-up pair in quick mode").isZero();
        assertThat(options.flows()).hasSize(7);
    }

    @Test
    void empty_values_as_maven_passes_unset_properties_mean_the_default() {
        assertThat(run(
                        "run",
                        "--quick=false",
                        "--profiles=",
                        "--flows=",
                        "--pairs=",
                        "--seed=",
                        "--out=",
                        "--browser="))
                .isZero();
        assertThat(received.get(0).blocks().minBlocks()).isEqualTo(Defaults.MIN_BLOCKS);
        assertThat(received.get(0).profileNames()).hasSize(4);
    }

    @Test
    void block_options_set_the_design_and_quick_mode_takes_them_too() {
        assertThat(run(
                        "run",
                        "--pairs-per-block=3",
                        "--min-blocks=2",
                        "--max-blocks=5",
                        "--precision=0.2",
                        "--out=" + dir.resolve("o")))
                .isZero();
        assertThat(received.get(0).blocks()).isEqualTo(new BlockDesign(3, 2, 5, 0.2));
        assertThat(received.get(0).pairs()).isEqualTo(15);

        assertThat(run("run", "--quick", "--pairs-per-block=1", "--min-blocks=2", "--max-blocks=2"))
                .isZero();
        assertThat(received.get(1).blocks()).isEqualTo(new BlockDesign(1, 2, 2, Defaults.PRECISION));

        assertThat(run("run", "--max-blocks=2")).isZero();
        assertThat(received.get(2).blocks().minBlocks())
                .as("the default minimum gives way")
                .isEqualTo(2);
    }

    @Test
    void block_options_that_contradict_each_other_are_usage_errors() {
        assertThat(run("run", "--pairs=5", "--min-blocks=2")).isEqualTo(2);
        assertThat(err.toString()).contains("--pairs runs one block").contains("drop --pairs");
        assertThat(run("run", "--min-blocks=4", "--max-blocks=2")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-blocks (2) is smaller than --min-blocks (4)");
        assertThat(run("run", "--precision=0")).isEqualTo(2);
        assertThat(err.toString()).contains("--precision: 0 is out of range");
        assertThat(run("run", "--precision=tight")).isEqualTo(2);
        assertThat(err.toString()).contains("--precision: 'tight' is not a number");
        assertThat(received).isEmpty();
    }

    @Test
    void explicit_options_are_taken_as_given() {
        assertThat(run(
                        "run",
                        "--flows=login,guard",
                        "--profiles=slow-4g",
                        "--pairs=5",
                        "--warmup-pairs=0",
                        "--seed=7",
                        "--aa-flow=none",
                        "--out=" + dir.resolve("o"),
                        "--iteration-timeout=9"))
                .isZero();
        HarnessOptions options = received.get(0);
        assertThat(options.flows()).containsExactly(Flow.LOGIN, Flow.GUARD);
        assertThat(options.profileNames()).containsExactly("slow-4g");
        assertThat(options.pairs()).isEqualTo(5);
        assertThat(options.blocks()).as("--pairs: one block, as before blocks").isEqualTo(BlockDesign.fixed(5));
        assertThat(options.warmupPairs()).isZero();
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.aaFlow()).isNull();
        assertThat(options.iterationTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void a_pair_count_that_is_not_a_number_is_one_line_and_exit_2() {
        assertThat(run("run", "--pairs=abc")).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("authbench: --pairs: 'abc' is not a whole number. Run 'authbench run --help' for usage.");
        assertThat(received).isEmpty();
    }

    @Test
    void the_server_phase_is_on_by_default_and_can_be_turned_off_as_maven_passes_it() {
        assertThat(run("run")).isZero();
        assertThat(run("run", "--server-phase=", "--jmh-full="))
                .as("unset Maven properties mean the defaults")
                .isZero();
        assertThat(run("run", "--server-phase=off", "--jmh-full=true")).isZero();
        assertThat(received).extracting(HarnessOptions::serverPhase).containsExactly(true, true, false);
        assertThat(received)
                .extracting(HarnessOptions::serverSettings)
                .containsExactly(ServerPhaseSettings.QUICK, ServerPhaseSettings.QUICK, ServerPhaseSettings.FULL);
    }

    @Test
    void a_server_phase_value_other_than_on_or_off_is_one_line_and_exit_2() {
        assertThat(run("run", "--server-phase=maybe")).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo(
                        "authbench: --server-phase: 'maybe' is not on or off. Run 'authbench run --help' for usage.");
        assertThat(received).isEmpty();
    }

    @Test
    void the_filmstrip_is_on_by_default_and_can_be_turned_off_as_maven_passes_it() {
        assertThat(run("run")).isZero();
        assertThat(run("run", "--filmstrip="))
                .as("an unset Maven property means the default")
                .isZero();
        assertThat(run("run", "--filmstrip=off")).isZero();
        assertThat(received).extracting(HarnessOptions::filmstrip).containsExactly(true, true, false);
    }

    @Test
    void a_filmstrip_value_other_than_on_or_off_is_one_line_and_exit_2() {
        assertThat(run("run", "--filmstrip=sometimes")).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo(
                        "authbench: --filmstrip: 'sometimes' is not on or off. Run 'authbench run --help' for usage.");
        assertThat(received).isEmpty();
    }

    @Test
    void the_csr_session_path_is_fallback_by_default_and_cookie_moves_the_browser_urls_to_a_verifiable_host() {
        assertThat(run("run")).isZero();
        assertThat(run("run", "--csr-session-path=cookie")).isZero();
        assertThat(received).extracting(o -> o.topology().csrCookiePath()).containsExactly(false, true);
        assertThat(received.get(1).topology().links().publicHost()).isEqualTo("authbench.internal");
        assertThat(received.get(1).topology().browserFlags())
                .containsExactly("--host-resolver-rules=MAP authbench.internal 127.0.0.1");
        assertThat(received.get(0).topology().browserFlags()).isEmpty();
    }

    @Test
    void a_bad_csr_session_path_or_one_with_a_public_host_is_one_line_and_exit_2() {
        assertThat(run("run", "--csr-session-path=jwt")).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo(
                        "authbench: --csr-session-path: 'jwt' is not fallback or cookie. Run 'authbench run --help' for usage.");
        assertThat(run("run", "--csr-session-path=cookie", "--public-host=bench.example.org"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--csr-session-path=cookie sets the public host itself");
        assertThat(received).isEmpty();
    }

    @Test
    void an_unknown_profile_lists_the_known_ones() {
        assertThat(run("run", "--profiles=loopback,moon")).isEqualTo(2);
        assertThat(err.toString())
                .contains("unknown network profile 'moon'")
                .contains("loopback, cable, slow-4g, far-backend")
                .doesNotContain("Exception");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void an_unknown_flow_lists_the_known_ones() {
        assertThat(run("run", "--flows=signup")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--flows")
                .contains("unknown flow 'signup'")
                .contains("login, revisit, revisit-cold")
                .doesNotContain("Exception");
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(received).isEmpty();
    }

    @Test
    void an_unknown_aa_flow_lists_the_known_ones_and_none() {
        assertThat(run("run", "--aa-flow=signup")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--aa-flow")
                .contains("unknown flow 'signup'; use one of login, revisit")
                .contains("or 'none'")
                .doesNotContain("Exception");
        assertThat(received).isEmpty();
    }

    @Test
    void a_flow_list_of_only_separators_is_a_usage_error_not_the_defaults() {
        assertThat(run("run", "--flows=,")).isEqualTo(2);
        assertThat(err.toString()).contains("--flows: an empty list was given").contains("login, revisit");
        assertThat(received).isEmpty();
    }

    @Test
    void flows_arrive_typed_in_the_order_given_each_once() {
        assertThat(run("run", "--flows=no-js, login,no-js", "--aa-flow=navigate"))
                .isZero();
        HarnessOptions options = received.get(0);
        assertThat(options.flows()).containsExactly(Flow.NO_JS, Flow.LOGIN);
        assertThat(options.aaFlow()).isEqualTo(Flow.NAVIGATE);
    }

    @Test
    void a_missing_server_jar_says_how_to_build_it() {
        int code = HarnessMain.run(
                new String[] {
                    "run", "--emulator-jar=" + dir.resolve("nope.jar"), "--ssr-jar=" + ssrJar, "--csr-jar=" + csrJar
                },
                new PrintWriter(out),
                new PrintWriter(err),
                options -> 0);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("appwrite-emulator's jar is missing")
                .contains("mvn -q -B -pl appwrite-emulator package");
    }

    @Test
    void an_unknown_option_is_one_line_and_exit_2() {
        assertThat(run("run", "--turbo")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--turbo'").contains("--help");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void help_lists_every_option_with_its_default() {
        assertThat(run("run", "--help")).isZero();
        String help = out.toString();
        for (String option : List.of(
                "--quick",
                "--profiles",
                "--profiles-file",
                "--flows",
                "--pairs",
                "--warmup-pairs",
                "--seed",
                "--aa-flow",
                "--out",
                "--browser",
                "--emulator-jar",
                "--ssr-jar",
                "--csr-jar",
                "--iteration-timeout",
                "--server-start-timeout",
                "--server-phase",
                "--server-settings",
                "--jmh-full",
                "--filmstrip")) {
            assertThat(help).contains(option);
        }
        String compact = help.replaceAll("\\s+", "");
        assertThat(compact)
                .contains("Default:" + Defaults.PAIRS_PER_BLOCK)
                .contains("Default:" + Defaults.MIN_BLOCKS)
                .contains("Default:" + Defaults.PRECISION)
                .contains("Default:" + Defaults.SEED)
                .contains("Default:" + Defaults.PROFILES)
                .contains("Default:" + Defaults.FLOWS)
                .contains("Default:" + Defaults.SERVER_SETTINGS)
                .contains("Default:target/bench");
    }

    @Test
    void no_subcommand_prints_usage_and_exits_2() {
        assertThat(HarnessMain.run(new String[0], new PrintWriter(out), new PrintWriter(err), options -> 0))
                .isEqualTo(2);
        assertThat(err.toString()).contains("authbench run --quick").contains("Usage:");
    }
}
