package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child server dies in the middle of a run: the run says which, keeps what it measured, leaves no process. */
class ChildDeathEndToEndTest {
    @TempDir
    Path out;

    @Test
    void a_crashed_app_is_named_with_its_log_tail_and_the_samples_so_far_are_kept() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> HarnessMain.run(
                new String[] {
                    "run",
                    "--flows=guard",
                    "--profiles=loopback",
                    "--pairs=40",
                    "--warmup-pairs=0",
                    "--aa-flow=none",
                    "--out=" + out,
                    "--emulator-jar=" + ServerJars.emulator(),
                    "--ssr-jar=" + ServerJars.ssr(),
                    "--csr-jar=" + ServerJars.csr()
                },
                new PrintWriter(stdout, true),
                new PrintWriter(stderr, true)));

        Path results = out.resolve("results.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (sampleCount(results) < 2 && System.nanoTime() < deadline && !run.isDone()) {
            Thread.sleep(200);
        }
        assertThat(sampleCount(results))
                .as("the run measured something before the crash; stderr: %s", stderr)
                .isGreaterThanOrEqualTo(2);
        ProcessHandle ssrApp = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .commandLine()
                        .orElse("")
                        .contains(ServerJars.ssr().getFileName().toString()))
                .findFirst()
                .orElseThrow();
        ssrApp.destroyForcibly();

        int code = run.get(4, TimeUnit.MINUTES);
        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).contains("ssr-app.loopback").contains("ssr-app.loopback.stdout.log");
        RunResults read = ResultsJson.read(results);
        assertThat(read.run().status()).isEqualTo(RunStatus.FAILED);
        assertThat(read.run().statusReason()).contains("ssr-app.loopback");
        assertThat(read.incidents()).anySatisfy(i -> assertThat(i.component()).isEqualTo("ssr-app.loopback"));
        assertThat(read.samples()).hasSize(80);
        List<Sample> failed = read.samples().stream().filter(s -> !s.ok()).toList();
        assertThat(failed).isNotEmpty().allSatisfy(s -> assertThat(s.failure()).contains("ssr-app.loopback"));
        assertThat(read.samples().stream().filter(Sample::ok).count()).isGreaterThanOrEqualTo(2);
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }

    private static int sampleCount(Path results) {
        try {
            return Files.exists(results) ? ResultsJson.read(results).samples().size() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
