package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.results.Environment;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.ResultsWriter;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the engine uses the results writer: incremental samples, batch CPU, a crash mid-run. */
class ResultsFileTest {
    @TempDir
    Path dir;

    private ResultsWriter writer() {
        Run run = new Run(
                "20261127T080000Z",
                RunStatus.RUNNING,
                null,
                Instant.now(),
                null,
                1,
                true,
                new RunConfig(List.of("login"), List.of("loopback"), 2, 0, null, Map.of(), Map.of()));
        return ResultsWriter.create(
                dir.resolve("results.json"),
                RunResults.start(
                        run,
                        new Environment(
                                null, 2, null, null, null, null, null, Map.of(), null, Environment.EMULATOR, null),
                        List.of()));
    }

    private static Sample sample(String variant, int pair, double ttc, double cpuApp) {
        return Sample.ok(
                "login",
                variant,
                "loopback",
                pair,
                0,
                Instant.now(),
                Metrics.builder()
                        .set(Metric.TIME_TO_CONTENT_MS, ttc)
                        .set(Metric.APP_CPU_MS, cpuApp)
                        .build(),
                List.of());
    }

    @Test
    void a_run_that_stops_half_way_leaves_a_readable_file_with_every_sample_so_far() throws Exception {
        ResultsWriter writer = writer();
        writer.addSample(sample("ssr", 0, 100, 10));
        writer.addSample(sample("csr", 0, 120, 0));
        // no finish(), no close(): as after a kill -9 the file on disk is the last complete write
        RunResults read = ResultsJson.read(dir.resolve("results.json"));
        assertThat(read.run().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(read.samples()).hasSize(2);
        assertThat(read.cells()).extracting(c -> c.variant()).containsExactlyInAnyOrder("ssr", "csr");
    }

    @Test
    void server_cpu_stays_each_iteration_s_own_figure_after_the_profile_is_done() throws Exception {
        double[] cpu = {2.713_4, 0.004_2, 3.1, 0.912_77};
        try (ResultsWriter writer = writer()) {
            CellAggregates aggregates = new CellAggregates();
            for (int i = 0; i < 3; i++) {
                Sample ssr = sample("ssr", i, 100, cpu[i]);
                writer.addSample(ssr);
                aggregates.record(ssr);
            }
            writer.addSample(sample("csr", 0, 100, cpu[3]));
            aggregates.writeHistograms("loopback", RunFolder.create(dir), writer); // what the engine does per profile
            writer.finish(RunStatus.COMPLETE, null);
        }
        List<Sample> samples = ResultsJson.read(dir.resolve("results.json")).samples();
        for (int i = 0; i < cpu.length; i++) {
            assertThat(samples.get(i).metrics().number(Metric.APP_CPU_MS))
                    .as("sample %d", i)
                    .hasValue(cpu[i]);
        }
    }

    @Test
    void histograms_are_written_per_cell_variant_and_named_in_the_results() throws Exception {
        try (ResultsWriter writer = writer()) {
            CellAggregates aggregates = new CellAggregates();
            Sample ssr = sample("ssr", 0, 123.4, 0);
            writer.addSample(ssr);
            aggregates.record(ssr);
            aggregates.writeHistograms("loopback", RunFolder.create(dir), writer);
            assertThat(dir.resolve("histograms/login.loopback.ssr.hlog")).exists();
            assertThat(writer.current().cells())
                    .filteredOn(c -> c.variant().equals("ssr"))
                    .extracting(c -> c.histogramFile())
                    .containsExactly("histograms/login.loopback.ssr.hlog");
        }
    }
}
