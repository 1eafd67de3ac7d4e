package io.authbench.serverbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadLadderTest {
    @TempDir
    Path runFolder;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private LoadLadder ladder(List<Double> rates, double p99BoundMillis) {
        return new LoadLadder(
                new LadderSettings(
                        rates, Duration.ofMillis(600), Duration.ZERO, p99BoundMillis, 0.0, 8, Duration.ofMillis(500)),
                new PrintStream(progress, true));
    }

    private LoadLadder.Target target(TestServer server, Runnable check) {
        return new LoadLadder.Target(
                "ssr",
                new GetPageView(server.url()),
                Optional.empty(),
                Optional.empty(),
                runFolder,
                "server-bench",
                check);
    }

    @Test
    void the_ladder_stops_at_the_first_step_whose_p99_passes_the_bound() throws Exception {
        try (TestServer server = new TestServer(exchange -> Thread.sleep(20))) {
            LadderResult result = ladder(List.of(10.0, 20.0, 40.0), 5.0).climb(target(server, () -> {}));

            assertThat(result.steps()).hasSize(1);
            assertThat(result.stoppedByFault()).isFalse();
            assertThat(result.stopReason()).startsWith("Stopped at 10/s: p99").contains("passed the bound of 5.0 ms");
            assertThat(result.highestSustainedPerSecond()).isNull();
        }
    }

    @Test
    void every_step_keeps_its_figures_and_histogram_log_when_the_bound_is_never_passed() throws Exception {
        try (TestServer server = new TestServer(exchange -> {})) {
            LadderResult result = ladder(List.of(10.0, 20.0), 2000).climb(target(server, () -> {}));

            assertThat(result.steps()).hasSize(2);
            assertThat(result.highestSustainedPerSecond()).isEqualTo(20.0);
            assertThat(result.stopReason()).startsWith("Every rate up to 20/s stayed under the p99 bound");
            LadderStep first = result.steps().get(0);
            assertThat(first.toLoadStep().offeredPerSecond()).isEqualTo(10.0);
            assertThat(first.toLoadStep().requests()).isEqualTo(6);
            assertThat(first.histogramFile()).isEqualTo("server-bench/load-ssr-00010ps.hlog");
            try (HistogramLogReader reader = new HistogramLogReader(
                    runFolder.resolve(first.histogramFile()).toFile())) {
                assertThat(((org.HdrHistogram.Histogram) reader.nextIntervalHistogram()).getTotalCount())
                        .isEqualTo(6);
            }
        }
    }

    @Test
    void a_target_that_stops_listening_mid_ladder_ends_it_with_the_steps_so_far_and_says_so() throws Exception {
        TestServer server = new TestServer(exchange -> {});
        AtomicInteger steps = new AtomicInteger();
        LadderResult result;
        try {
            // After the first step the server goes away: the second step's connections are refused.
            result = ladder(List.of(10.0, 20.0, 40.0), 2000).climb(target(server, () -> {
                if (steps.incrementAndGet() == 1) {
                    server.close();
                }
            }));
        } finally {
            server.close();
        }

        assertThat(result.steps()).hasSize(2);
        assertThat(result.steps().get(0).outcome().errors()).isEmpty();
        assertThat(result.steps().get(1).errorsByKind()).containsKey("refused");
        assertThat(result.stoppedByFault()).isTrue();
        assertThat(result.stopReason())
                .startsWith("Stopped at 20/s because page views failed:")
                .contains("refused")
                .contains("the server is not listening any more");
        assertThat(result.highestSustainedPerSecond()).isEqualTo(10.0);
        assertThat(Files.exists(runFolder.resolve(result.steps().get(0).histogramFile())))
                .isTrue();
    }

    @Test
    void a_server_process_that_died_ends_the_ladder_with_its_message() throws Exception {
        try (TestServer server = new TestServer(exchange -> {})) {
            LadderResult result = ladder(List.of(10.0, 20.0), 2000).climb(target(server, () -> {
                throw new IllegalStateException("ssr-app is no longer running: it exited with code 137.\nlog tail");
            }));

            assertThat(result.steps()).hasSize(1);
            assertThat(result.stoppedByFault()).isTrue();
            assertThat(result.stopReason())
                    .isEqualTo("Stopped at 10/s: ssr-app is no longer running: it exited with code 137.");
        }
    }
}
