package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.authbench.support.process.CpuSets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cpu-sets} on the command line: off by default (also for Maven's empty property), {@code auto} and lists
 * reach the engine, and a bad value or a remote browser is a usage error (exit 2, one line, nothing started).
 */
class CpuSetsOptionsTest {
    @TempDir
    Path dir;

    private RunCommandLine cli;

    @BeforeEach
    void cli() throws IOException {
        cli = new RunCommandLine(dir);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private void assertUsageError(String expected, String... args) {
        cli.assertUsageError(expected, args);
    }

    @Test
    void off_unless_asked_for() {
        assertThat(run()).as(cli.err()).isZero();
        assertThat(run("--cpu-sets=")).as(cli.err()).isZero();
        assertThat(run("--cpu-sets=off")).as(cli.err()).isZero();
        assertThat(cli.received())
                .allSatisfy(o -> assertThat(o.topology().cpuSets().on()).isFalse());
    }

    @Test
    void auto_and_lists_reach_the_engine() {
        List<Integer> allowed = CpuSets.allowedCpus();
        assumeTrue(allowed.size() >= 2, "needs two CPUs this process may use; it may use " + allowed);
        assertThat(run("--cpu-sets=auto")).as(cli.err()).isZero();
        assertThat(cli.received().get(0).topology().cpuSets())
                .hasToString(CpuSets.parse("auto", allowed).option());

        String explicit = allowed.get(1) + "/" + allowed.get(0);
        assertThat(run("--cpu-sets=" + explicit)).as(cli.err()).isZero();
        assertThat(cli.received().get(1).topology().cpuSets().measuring()).containsExactly(allowed.get(1));
        assertThat(cli.received().get(1).topology().cpuSets().servers()).containsExactly(allowed.get(0));
    }

    @Test
    void bad_values_and_remote_browsers_are_usage_errors() {
        assertUsageError("is not understood", "--cpu-sets=on");
        assertUsageError("disjoint", "--cpu-sets=0/0");
        assertUsageError("which this process may not use", "--cpu-sets=0/4095");
        assertUsageError("nothing to separate", "--cpu-sets=auto", "--browser-ws=ws://127.0.0.1:3000/");
        assertUsageError("nothing to separate", "--cpu-sets=auto", "--selenium-grid=http://127.0.0.1:4444");
    }
}
