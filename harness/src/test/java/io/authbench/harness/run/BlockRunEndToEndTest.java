package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.reports.results.BlockDesign;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick run in two blocks, as a user runs it (real emulator, apps, links and Chromium; one login pair per block on
 * loopback): the stack restarts between the blocks, the samples carry blocks 0 and 1 with pair numbers unique across
 * them, results.json records the design and the report says what its intervals cover. The no-js cell, which measures
 * no time, runs the first block only.
 */
class BlockRunEndToEndTest {
    @TempDir
    Path out;

    @Test
    void a_quick_run_in_two_blocks_records_each_samples_block() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = HarnessMain.run(
                new String[] {
                    "run",
                    "--quick",
                    "--flows=login,no-js",
                    "--profiles=loopback",
                    "--pairs-per-block=1",
                    "--min-blocks=2",
                    "--max-blocks=2",
                    "--aa-flow=none",
                    "--server-phase=off",
                    "--filmstrip=off",
                    "--out=" + out,
                    "--emulator-jar=" + ServerJars.emulator(),
                    "--ssr-jar=" + ServerJars.ssr(),
                    "--csr-jar=" + ServerJars.csr()
                },
                new PrintWriter(stdout),
                new PrintWriter(stderr));

        assertThat(code)
                .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                .isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(results.run().config().blocks()).isEqualTo(new BlockDesign(1, 2, 2, 0.1));
        List<Sample> measured =
                results.samples().stream().filter(s -> !s.warmup()).toList();
        assertThat(measured)
                .hasSize(6)
                .allSatisfy(s -> assertThat(s.ok()).as(s.failure()).isTrue());
        assertThat(measured.stream()
                        .filter(s -> s.flow().equals("login"))
                        .map(Sample::blockIndex)
                        .collect(Collectors.toSet()))
                .isEqualTo(Set.of(0, 1));
        assertThat(measured.stream().filter(s -> s.flow().equals("no-js")))
                .as("the no-js cell stops after its first block")
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.blockIndex()).isZero());
        assertThat(measured)
                .allSatisfy(s -> assertThat(s.pair())
                        .as("pair numbers continue across blocks")
                        .isEqualTo(s.block()));
        assertThat(stdout.toString())
                .contains("block 1 of 2")
                .contains("block 2 of 2")
                .contains("NO_JS @ loopback stops after 1 block(s)")
                .contains("profile loopback (block 2)")
                .contains("links as calibrated in the first block");
        assertThat(results.links()).as("links calibrated once").hasSize(3);
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("pairs within 2 blocks, stack restarted between blocks");
    }
}
