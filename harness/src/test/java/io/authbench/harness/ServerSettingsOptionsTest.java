package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.cli.ServerPhaseSettings;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --server-settings} on the command line: quick by default in both run modes (also for Maven's empty
 * property), each value reaches the engine, {@code --jmh-full} still means full and wins, and a bad value is a usage
 * error naming the allowed values (exit 2, one line, nothing started).
 */
class ServerSettingsOptionsTest {
    @TempDir
    Path dir;

    private RunCommandLine cli;

    @BeforeEach
    void cli() throws IOException {
        cli = new RunCommandLine(dir);
    }

    private ServerPhaseSettings settings(String... args) {
        int before = cli.received().size();
        assertThat(cli.run(args)).as(cli.err()).isZero();
        assertThat(cli.received()).hasSize(before + 1);
        HarnessOptions options = cli.received().get(before);
        return options.serverSettings();
    }

    @Test
    void quick_by_default_in_the_default_run_and_in_quick_mode() {
        assertThat(settings()).isEqualTo(ServerPhaseSettings.QUICK);
        assertThat(settings("--quick")).isEqualTo(ServerPhaseSettings.QUICK);
        assertThat(settings("--server-settings=", "--jmh-full="))
                .as("unset Maven properties mean the default")
                .isEqualTo(ServerPhaseSettings.QUICK);
    }

    @Test
    void each_value_reaches_the_engine() {
        assertThat(settings("--server-settings=quick")).isEqualTo(ServerPhaseSettings.QUICK);
        assertThat(settings("--server-settings=standard")).isEqualTo(ServerPhaseSettings.STANDARD);
        assertThat(settings("--server-settings=full")).isEqualTo(ServerPhaseSettings.FULL);
        assertThat(settings("--quick", "--server-settings=standard"))
                .as("quick mode takes other settings too")
                .isEqualTo(ServerPhaseSettings.STANDARD);
        assertThat(settings("--server-settings", "Standard")).isEqualTo(ServerPhaseSettings.STANDARD);
    }

    @Test
    void jmh_full_still_means_full_and_wins() {
        assertThat(settings("--jmh-full")).isEqualTo(ServerPhaseSettings.FULL);
        assertThat(settings("--quick", "--jmh-full=true")).isEqualTo(ServerPhaseSettings.FULL);
        assertThat(settings("--server-settings=quick", "--jmh-full=true")).isEqualTo(ServerPhaseSettings.FULL);
        assertThat(settings("--server-settings=standard", "--jmh-full=false")).isEqualTo(ServerPhaseSettings.STANDARD);
    }

    @Test
    void a_bad_value_is_a_usage_error_naming_the_allowed_values() {
        cli.assertUsageError(
                "--server-settings: 'fast' is not one of quick, standard, full.", "--server-settings=fast");
        cli.assertUsageError("--jmh-full: 'yes' is not true or false.", "--server-settings=quick", "--jmh-full=yes");
    }
}
