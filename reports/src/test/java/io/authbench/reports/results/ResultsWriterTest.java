package io.authbench.reports.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {
    private static final Instant END = Instant.parse("2026-11-27T08:30:00Z");

    @TempDir
    Path dir;

    private ResultsWriter writer() {
        return ResultsWriter.create(
                dir.resolve("results.json"),
                RunResults.start(
                        ResultsFixtures.run(), ResultsFixtures.environment(), List.of(ResultsFixtures.loopback())),
                Clock.fixed(END, ZoneOffset.UTC));
    }

    @Test
    void the_file_exists_and_says_running_before_the_first_sample() {
        try (ResultsWriter out = writer()) {
            RunResults read = ResultsJson.read(out.file());
            assertThat(read.run().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(read.samples()).isEmpty();
        }
    }

    @Test
    void after_every_sample_the_file_is_complete_so_far_and_cells_are_current() {
        try (ResultsWriter out = writer()) {
            out.addSample(ResultsFixtures.sample("ssr", 0, 0, 50));
            assertThat(ResultsJson.read(out.file()).samples()).hasSize(1);

            out.addSample(ResultsFixtures.sample("csr", 0, 1, 90));
            out.addSample(ResultsFixtures.sample("ssr", 1, 1, 70));
            RunResults read = ResultsJson.read(out.file());

            assertThat(read.samples()).hasSize(3);
            assertThat(read.cells())
                    .extracting(CellSummary::variant, CellSummary::samples, CellSummary::medianMs)
                    .containsExactly(Tuple.tuple("ssr", 2, 60.0), Tuple.tuple("csr", 1, 90.0));
        }
    }

    @Test
    void warmup_samples_are_written_but_not_summarised() {
        try (ResultsWriter out = writer()) {
            out.addSample(ResultsFixtures.sample("ssr", 0, 0, 500).asWarmup());
            out.addSample(ResultsFixtures.sample("ssr", 0, 0, 50));

            RunResults read = ResultsJson.read(out.file());
            assertThat(read.samples()).hasSize(2);
            assertThat(read.cells()).singleElement().satisfies(c -> {
                assertThat(c.samples()).isEqualTo(1);
                assertThat(c.maxMs()).isEqualTo(50.0);
            });
        }
    }

    @Test
    void finishing_records_the_status_and_end_time_and_freezes_the_file() {
        ResultsWriter out = writer();
        out.addSample(ResultsFixtures.sample("ssr", 0, 0, 50));
        out.finish(RunStatus.COMPLETE, null);
        out.close(); // after finish, close changes nothing

        RunResults read = ResultsJson.read(out.file());
        assertThat(read.run().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(read.run().finishedAt()).isEqualTo(END);
        assertThatThrownBy(() -> out.addSample(ResultsFixtures.sample("csr", 0, 1, 50)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the run already ended (complete)");
    }

    @Test
    void with_a_write_interval_samples_wait_in_memory_until_a_flush_another_change_or_the_end() {
        Path file;
        try (ResultsWriter out = writer()) {
            file = out.file();
            out.writeSamplesAtMostEvery(Duration.ofHours(1));
            out.addSample(ResultsFixtures.sample("ssr", 0, 0, 50));
            out.addSample(ResultsFixtures.sample("csr", 0, 1, 90));

            assertThat(ResultsJson.read(file).samples())
                    .as("not yet in the file")
                    .isEmpty();
            assertThat(out.current().samples()).hasSize(2);
            assertThat(out.current().cells())
                    .as("current() summarises what is still in memory")
                    .extracting(CellSummary::variant, CellSummary::medianMs)
                    .containsExactly(Tuple.tuple("ssr", 50.0), Tuple.tuple("csr", 90.0));

            out.flush();
            assertThat(ResultsJson.read(file).samples()).hasSize(2);

            out.addSample(ResultsFixtures.sample("ssr", 1, 1, 70));
            out.addIncident(new Incident(END, "harness", "any other change writes the waiting samples too"));
            assertThat(ResultsJson.read(file).samples()).hasSize(3);

            out.addSample(ResultsFixtures.sample("csr", 1, 0, 80));
        }
        RunResults read = ResultsJson.read(file);
        assertThat(read.run().status()).as("closed without finishing").isEqualTo(RunStatus.INTERRUPTED);
        assertThat(read.samples()).as("the end writes what waited").hasSize(4);
    }

    @Test
    void a_negative_write_interval_is_refused() {
        try (ResultsWriter out = writer()) {
            assertThatThrownBy(() -> out.writeSamplesAtMostEvery(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void closing_without_finishing_records_an_interrupted_run_that_keeps_its_samples() {
        Path file;
        try (ResultsWriter out = writer()) {
            file = out.file();
            out.addSample(ResultsFixtures.sample("ssr", 0, 0, 50));
        }
        RunResults read = ResultsJson.read(file);
        assertThat(read.run().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(read.run().statusReason()).isNotBlank();
        assertThat(read.samples()).hasSize(1);
    }

    @Test
    void a_failed_run_keeps_its_reason() {
        try (ResultsWriter out = writer()) {
            out.finish(RunStatus.FAILED, "ssr-app exited with code 1");
            assertThat(ResultsJson.read(out.file()).run().statusReason()).isEqualTo("ssr-app exited with code 1");
        }
    }

    @Test
    void no_temporary_files_are_left_next_to_the_results() throws Exception {
        try (ResultsWriter out = writer()) {
            for (int i = 0; i < 5; i++) {
                out.addSample(ResultsFixtures.sample("ssr", i, 0, 50 + i));
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.json");
        }
    }

    @Test
    void samples_can_be_updated_after_they_were_written() {
        try (ResultsWriter out = writer()) {
            out.addSample(ResultsFixtures.sample("ssr", 0, 0, 50));
            out.updateSamples(s -> s.withMetrics(
                    s.metrics().toBuilder().set(Metric.APP_CPU_MS, 1.5).build()));

            RunResults read = ResultsJson.read(out.file());
            assertThat(read.samples().get(0).metrics().numberOrNull(Metric.APP_CPU_MS))
                    .isEqualTo(1.5);
            assertThat(read.cells().get(0).medians()).containsEntry("appCpuMs", 1.5);
        }
    }

    @Test
    void a_new_file_must_start_running() {
        RunResults done =
                RunResults.start(ResultsFixtures.run().withStatus(RunStatus.COMPLETE, null, END), null, List.of());
        assertThatThrownBy(() -> ResultsWriter.create(dir.resolve("r.json"), done))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with run.status running");
    }
}
